using StackExchange.Redis;
using WeLink.Server.Coordination;

namespace WeLink.Server.Tests.Coordination;

public sealed class RedisCacheStoreTests(RedisConnectionFixture redis) : CacheStoreContract, IClassFixture<RedisConnectionFixture>
{
    protected override TestClock Clock { get; } = TestClock.Real();

    protected override TimeSpan ShortTtl => TimeSpan.FromSeconds(1);

    protected override ICacheStore CreateStore() => new RedisCacheStore(redis.Connection, RedisConnectionFixture.UniquePrefix());

    [Fact]
    public async Task Entries_live_under_the_configured_prefix_with_their_ttl()
    {
        var options = RedisConnectionFixture.UniquePrefix();
        var store = new RedisCacheStore(redis.Connection, options);

        await store.SetAsync("component-token", "value", TimeSpan.FromMinutes(1), Token);

        var key = new RedisKey($"{options.Value.KeyPrefix}cache:component-token");
        var database = redis.Connection.GetDatabase();
        Assert.Equal("value", (string?)await database.StringGetAsync(key));
        var ttl = await database.KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
    }
}
