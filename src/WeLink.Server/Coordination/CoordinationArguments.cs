namespace WeLink.Server.Coordination;

/// <summary>Argument checks shared by both implementations, so they refuse exactly the same calls.</summary>
internal static class CoordinationArguments
{
    // Redis takes expiry times in whole milliseconds (PX); anything shorter would round to nothing.
    private static readonly TimeSpan ShortestExpiry = TimeSpan.FromMilliseconds(1);

    public static void ThrowIfInvalidLock(string name, TimeSpan lease, TimeSpan wait)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ThrowIfInvalidLease(lease);
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
    }

    public static void ThrowIfInvalidLease(TimeSpan lease) =>
        ArgumentOutOfRangeException.ThrowIfLessThan(lease, ShortestExpiry);

    public static void ThrowIfInvalidEntry(string key, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, ShortestExpiry);
    }

    public static void ThrowIfInvalidClaims(IReadOnlyList<KeyValuePair<string, string>> claims, TimeSpan ttl)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, ShortestExpiry);
        foreach (var (key, value) in claims)
        {
            ArgumentException.ThrowIfNullOrEmpty(key, nameof(claims));
            ArgumentNullException.ThrowIfNull(value, nameof(claims));
        }
    }
}
