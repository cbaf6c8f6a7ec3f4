using WeLink.Server.Coordination;
using WeLink.Wechat.Tokens;

namespace WeLink.Server.Platform;

/// <summary>WeLink.Wechat's token cache on the shared cache store (Redis on a cluster).</summary>
public sealed class CoordinationTokenCache(ICacheStore cache) : ITokenCache
{
    private const string Prefix = "wechat-token:";

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        cache.GetAsync(Prefix + key, cancellationToken);

    public Task SetAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        cache.SetAsync(Prefix + key, value, timeToLive, cancellationToken);

    public Task<bool> RemoveIfEqualsAsync(string key, string expected, CancellationToken cancellationToken) =>
        cache.DeleteIfEqualsAsync(Prefix + key, expected, cancellationToken);
}
