using WeLink.Server.Coordination;

namespace WeLink.Server.Tests.Coordination;

public sealed class InProcessCacheStoreTests : CacheStoreContract
{
    protected override TestClock Clock { get; } = TestClock.Fake();

    protected override TimeSpan ShortTtl => TimeSpan.FromMinutes(2);

    protected override ICacheStore CreateStore() => new InProcessCacheStore(Clock.TimeProvider);
}
