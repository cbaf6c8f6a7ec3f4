namespace WeLink.Server.Coordination;

/// <summary>
/// The single-node cache: a dictionary whose entries expire by the injected clock.
/// Expired entries are dropped when read and swept at most once a minute on writes, so
/// de-duplication keys that are written once and never read do not pile up.
/// </summary>
public sealed class InProcessCacheStore(TimeProvider timeProvider) : ICacheStore
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        lock (_gate)
        {
            return Task.FromResult(TryGetLive(key, out var entry) ? entry.Value : null);
        }
    }

    public Task SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken)
    {
        CoordinationArguments.ThrowIfInvalidEntry(key, ttl);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            Store(key, value, ttl);
        }
        return Task.CompletedTask;
    }

    public Task<bool[]> ClaimAsync(IReadOnlyList<KeyValuePair<string, string>> claims, TimeSpan ttl, CancellationToken cancellationToken)
    {
        CoordinationArguments.ThrowIfInvalidClaims(claims, ttl);
        var held = new bool[claims.Count];
        lock (_gate)
        {
            for (var i = 0; i < claims.Count; i++)
            {
                var (key, value) = claims[i];
                if (TryGetLive(key, out var entry))
                {
                    held[i] = string.Equals(entry.Value, value, StringComparison.Ordinal);
                }
                else
                {
                    Store(key, value, ttl);
                    held[i] = true;
                }
            }
        }
        return Task.FromResult(held);
    }

    public Task<bool> DeleteIfEqualsAsync(string key, string expected, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(expected);
        lock (_gate)
        {
            var matches = TryGetLive(key, out var entry) && string.Equals(entry.Value, expected, StringComparison.Ordinal);
            return Task.FromResult(matches && _entries.Remove(key));
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        lock (_gate)
        {
            _entries.Remove(key);
        }
        return Task.CompletedTask;
    }

    private bool TryGetLive(string key, out Entry entry)
    {
        if (!_entries.TryGetValue(key, out entry))
        {
            return false;
        }
        if (entry.ExpiresAt > timeProvider.GetUtcNow())
        {
            return true;
        }
        _entries.Remove(key);
        return false;
    }

    private void Store(string key, string value, TimeSpan ttl)
    {
        var now = timeProvider.GetUtcNow();
        SweepExpired(now);
        _entries[key] = new Entry(value, now + ttl);
    }

    private void SweepExpired(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }
        _nextSweep = now + SweepInterval;
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.Remove(key);
            }
        }
    }

    private readonly record struct Entry(string Value, DateTimeOffset ExpiresAt);
}
