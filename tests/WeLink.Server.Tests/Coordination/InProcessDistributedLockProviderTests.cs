using WeLink.Server.Coordination;

namespace WeLink.Server.Tests.Coordination;

public sealed class InProcessDistributedLockProviderTests : DistributedLockProviderContract
{
    protected override TestClock Clock { get; } = TestClock.Fake();

    protected override TimeSpan ShortLease => TimeSpan.FromSeconds(10);

    protected override IDistributedLockProvider CreateProvider() => new InProcessDistributedLockProvider(Clock.TimeProvider);
}
