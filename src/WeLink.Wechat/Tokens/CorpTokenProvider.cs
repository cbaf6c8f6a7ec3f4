using WeLink.Wechat.WeCom;

namespace WeLink.Wechat.Tokens;

/// <summary>The access_token of each authorized corp, from its stored permanent code, through the shared <see cref="TokenProvider"/>.</summary>
public sealed class CorpTokenProvider(SuiteClient suite, ICorpCredentialStore credentials, TokenProvider tokens)
{
    public Task<string> GetAsync(string corpId, CancellationToken cancellationToken) =>
        tokens.GetAsync(TokenKeys.Corp(suite.SuiteId, corpId), ct => FetchAsync(corpId, ct), cancellationToken);

    /// <summary>Runs a call with the corp's token; a refused token is refreshed and the call retried once.</summary>
    public Task<T> CallAsync<T>(string corpId, Func<string, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        tokens.CallAsync(TokenKeys.Corp(suite.SuiteId, corpId), ct => FetchAsync(corpId, ct), call, cancellationToken);

    private async Task<IssuedToken> FetchAsync(string corpId, CancellationToken cancellationToken)
    {
        var permanentCode = await credentials.GetPermanentCodeAsync(corpId, cancellationToken)
            ?? throw new AuthorizationLostException(
                $"No permanent code is stored for corp {corpId}: its admin must install the WeLink app again.");
        var response = await suite.RequestCorpTokenAsync(corpId, permanentCode, cancellationToken);
        return new IssuedToken(response.AccessToken, TimeSpan.FromSeconds(response.ExpiresIn));
    }
}
