using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace WeLink.Server.Coordination;

/// <summary>The cache shared by all nodes: keys live under <c>{KeyPrefix}cache:</c>.</summary>
public sealed class RedisCacheStore(IConnectionMultiplexer redis, IOptions<RedisOptions> options) : ICacheStore
{
    private readonly IDatabase _database = redis.GetDatabase().WithKeyPrefix(options.Value.KeyPrefix + "cache:");

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return await _database.StringGetAsync(key).WaitAsync(cancellationToken);
    }

    public async Task SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken)
    {
        CoordinationArguments.ThrowIfInvalidEntry(key, ttl);
        ArgumentNullException.ThrowIfNull(value);
        await _database.StringSetAsync(key, value, ttl).WaitAsync(cancellationToken);
    }

    public async Task<bool[]> ClaimAsync(IReadOnlyList<KeyValuePair<string, string>> claims, TimeSpan ttl, CancellationToken cancellationToken)
    {
        CoordinationArguments.ThrowIfInvalidClaims(claims, ttl);
        if (claims.Count == 0)
        {
            return [];
        }

        var keys = new RedisKey[claims.Count];
        var values = new RedisValue[claims.Count + 1];
        for (var i = 0; i < claims.Count; i++)
        {
            keys[i] = claims[i].Key;
            values[i] = claims[i].Value;
        }

        values[^1] = (long)Math.Ceiling(ttl.TotalMilliseconds);

        // One script over all keys: fine on one Redis (with replicas); Redis Cluster would need them in one hash slot.
        var held = (RedisResult[])(await _database.ScriptEvaluateAsync(RedisScripts.Claim, keys, values).WaitAsync(cancellationToken))!;
        return Array.ConvertAll(held, h => (long)h == 1);
    }

    public async Task<bool> DeleteIfEqualsAsync(string key, string expected, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(expected);
        var deleted = await _database.ScriptEvaluateAsync(RedisScripts.DeleteIfEquals, [key], [expected]).WaitAsync(cancellationToken);
        return (long)deleted == 1;
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await _database.KeyDeleteAsync(key).WaitAsync(cancellationToken);
    }
}
