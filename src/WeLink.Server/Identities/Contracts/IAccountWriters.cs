namespace WeLink.Server.Identities.Contracts;

/// <summary>The consumers who write to dealers' official accounts, for the feature that keeps their conversations.</summary>
public interface IAccountWriters
{
    /// <summary>
    /// The consumer behind an openid that wrote to a dealer's official account, recorded on first sight as a follow
    /// records them; null when no dealer links the appid.
    /// </summary>
    Task<AccountWriter?> FindOrAddAsync(string appId, string openId, CancellationToken cancellationToken);
}

/// <summary>A consumer who wrote to the official account (appid) of a dealer of a brand.</summary>
public sealed record AccountWriter(Guid ConsumerId, Guid BrandId, Guid DealerId, string AppId, string OpenId);
