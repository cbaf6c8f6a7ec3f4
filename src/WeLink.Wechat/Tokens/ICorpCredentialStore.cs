namespace WeLink.Wechat.Tokens;

/// <summary>
/// Durable home of each authorized WeCom corp's permanent_code, a long-lived secret (encrypt it at rest).
/// </summary>
public interface ICorpCredentialStore
{
    Task<string?> GetPermanentCodeAsync(string corpId, CancellationToken cancellationToken);

    Task SavePermanentCodeAsync(string corpId, string permanentCode, CancellationToken cancellationToken);
}
