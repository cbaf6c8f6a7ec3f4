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

    public Task<bool> SetIfAbsentAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken)
    {
        CoordinationArguments.ThrowIfInvalidEntry(key, ttl);
        ArgumentNullException.ThrowIfNull(value);
        return _database.StringSetAsync(key, value, ttl, When.NotExists).WaitAsync(cancellationToken);
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
