namespace WeLink.Wechat.Tokens;

/// <summary>The cache all nodes share for access tokens (Redis in production).</summary>
public interface ITokenCache
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>Removes the entry only while it still holds <paramref name="expected"/>; true if it did.</summary>
    Task<bool> RemoveIfEqualsAsync(string key, string expected, CancellationToken cancellationToken);
}
