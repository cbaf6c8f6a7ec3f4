using System.Collections.Concurrent;

namespace WeLink.Wechat.Tokens;

/// <summary>A token cache for a single node and for tests; expiry follows the given <see cref="TimeProvider"/>.</summary>
public sealed class InMemoryTokenCache(TimeProvider time) : ITokenCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (entry.ExpiresAt > time.GetUtcNow())
            {
                return Task.FromResult<string?>(entry.Value);
            }

            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }

        return Task.FromResult<string?>(null);
    }

    public Task SetAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        _entries[key] = new Entry(value, time.GetUtcNow() + timeToLive);
        return Task.CompletedTask;
    }

    public Task<bool> RemoveIfEqualsAsync(string key, string expected, CancellationToken cancellationToken)
    {
        var removed = _entries.TryGetValue(key, out var entry)
            && entry.Value == expected
            && _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        return Task.FromResult(removed);
    }

    private sealed record Entry(string Value, DateTimeOffset ExpiresAt);
}
