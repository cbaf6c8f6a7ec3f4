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
    /// Claims each key for its value, in order and as one step (one round trip on Redis): a key that holds no live value
    /// is given the value for <paramref name="ttl"/>. An entry comes back true when its key now holds its value (given
    /// by this call or by an earlier claim with an equal value) and false when the key holds another value, so of
    /// several claims on a key with different values only the first holds. This is the replay guard of callbacks: the
    /// first request with a nonce claims it with its signature, and only an identical retry passes after it.
    /// </summary>
    Task<bool[]> ClaimAsync(IReadOnlyList<KeyValuePair<string, string>> claims, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the key only while it still holds <paramref name="expected"/>; true when it was deleted.
    /// Lets a caller drop a token that just failed without dropping a fresher one another node stored meanwhile.
    /// </summary>
    Task<bool> DeleteIfEqualsAsync(string key, string expected, CancellationToken cancellationToken);

    /// <summary>Deletes the key whatever it holds; a missing key is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
