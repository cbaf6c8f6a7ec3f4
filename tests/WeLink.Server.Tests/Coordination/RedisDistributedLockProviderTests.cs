using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WeLink.Server.Coordination;

namespace WeLink.Server.Tests.Coordination;

public sealed class RedisDistributedLockProviderTests(RedisConnectionFixture redis)
    : DistributedLockProviderContract, IClassFixture<RedisConnectionFixture>
{
    protected override TestClock Clock { get; } = TestClock.Real();

    protected override TimeSpan ShortLease => TimeSpan.FromSeconds(1);

    protected override IDistributedLockProvider CreateProvider() => Create(RedisConnectionFixture.UniquePrefix());

    [Fact]
    public async Task A_held_lock_is_a_prefixed_key_holding_a_random_owner_token_with_the_lease_as_ttl()
    {
        var options = RedisConnectionFixture.UniquePrefix();
        var first = Create(options);
        var second = Create(options);

        await using var handle = await first.TryAcquireAsync("token-refresh", TimeSpan.FromMinutes(1), TimeSpan.Zero, Token);

        Assert.NotNull(handle);
        Assert.Null(await second.TryAcquireAsync("token-refresh", TimeSpan.FromMinutes(1), TimeSpan.Zero, Token));
        var key = new RedisKey($"{options.Value.KeyPrefix}lock:token-refresh");
        var database = redis.Connection.GetDatabase();
        Assert.Matches("^[0-9A-F]{32}$", (string?)await database.StringGetAsync(key));
        var ttl = await database.KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
    }

    private RedisDistributedLockProvider Create(IOptions<RedisOptions> options) =>
        new(redis.Connection, options, NullLogger<RedisDistributedLockProvider>.Instance);
}
