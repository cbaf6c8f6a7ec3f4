namespace WeLink.Server.Coordination;

/// <summary>
/// A string cache shared by every server node (Redis) or by one process (in-process).
/// Every entry expires: nothing is cached forever.
/// </summary>
public interface ICacheStore
{
    /// <summary>The live value of <paramref name="key"/>, or null when it is missing or expired.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing any value, for <paramref name="ttl"/>.</summary>
    Task SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the value only when the key holds no live value; true for the one caller that stored it.
    /// This is the de-duplication primitive: the first of several retries wins.
    /// </summary>
    Task<bool> SetIfAbsentAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the key only while it still holds <paramref name="expected"/>; true when it was deleted.
    /// Lets a caller drop a token that just failed without dropping a fresher one another node stored meanwhile.
    /// </summary>
    Task<bool> DeleteIfEqualsAsync(string key, string expected, CancellationToken cancellationToken);

    /// <summary>Deletes the key whatever it holds; a missing key is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
