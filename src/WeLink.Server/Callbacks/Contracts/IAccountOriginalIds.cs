namespace WeLink.Server.Callbacks.Contracts;

/// <summary>
/// The original id (gh_…) of each official account and mini program WeLink serves, which is the <c>ToUserName</c> of
/// every push for it. Implemented by the feature that records authorizations; Callbacks only reads it, through a cache.
/// </summary>
public interface IAccountOriginalIds
{
    /// <summary>Null when no dealer or brand has linked the appid, or its link predates recording the original id.</summary>
    Task<string?> FindAsync(string authorizerAppId, CancellationToken cancellationToken);
}
