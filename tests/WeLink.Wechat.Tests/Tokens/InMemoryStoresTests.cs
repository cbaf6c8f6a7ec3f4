using Microsoft.Extensions.Time.Testing;
using WeLink.Wechat.Tokens;

namespace WeLink.Wechat.Tests.Tokens;

public sealed class InMemoryStoresTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_cached_token_disappears_when_its_time_to_live_is_over()
    {
        var cache = new InMemoryTokenCache(_time);
        await cache.SetAsync("k", "v", TimeSpan.FromSeconds(10), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal("v", await cache.GetAsync("k", CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await cache.GetAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task Remove_if_equals_leaves_a_newer_value_alone()
    {
        var cache = new InMemoryTokenCache(_time);
        await cache.SetAsync("k", "new", TimeSpan.FromHours(1), CancellationToken.None);

        Assert.False(await cache.RemoveIfEqualsAsync("k", "old", CancellationToken.None));
        Assert.Equal("new", await cache.GetAsync("k", CancellationToken.None));
        Assert.True(await cache.RemoveIfEqualsAsync("k", "new", CancellationToken.None));
        Assert.Null(await cache.GetAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task A_held_lock_is_refused_until_released_and_then_granted()
    {
        var locks = new InMemoryDistributedLock();
        var lease = TimeSpan.FromMinutes(1);

        var first = await locks.TryAcquireAsync("token", lease, TimeSpan.Zero, CancellationToken.None);
        var second = await locks.TryAcquireAsync("token", lease, TimeSpan.FromMilliseconds(20), CancellationToken.None);
        var other = await locks.TryAcquireAsync("other", lease, TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(other);

        await first.DisposeAsync();
        await first.DisposeAsync();
        var third = await locks.TryAcquireAsync("token", lease, TimeSpan.Zero, CancellationToken.None);
        var fourth = await locks.TryAcquireAsync("token", lease, TimeSpan.Zero, CancellationToken.None);

        Assert.NotNull(third);
        Assert.Null(fourth);
    }

    [Fact]
    public async Task Tickets_and_credentials_are_kept_apart_per_kind_and_owner()
    {
        var store = new InMemoryCredentialStore();
        IComponentTicketStore componentTickets = store;
        ISuiteTicketStore suiteTickets = store;

        await componentTickets.SaveAsync("wx1", "component-ticket", CancellationToken.None);
        await suiteTickets.SaveAsync("wx1", "suite-ticket", CancellationToken.None);
        await store.SaveRefreshTokenAsync("wx1", "refresh", CancellationToken.None);

        Assert.Equal("component-ticket", await componentTickets.GetAsync("wx1", CancellationToken.None));
        Assert.Equal("suite-ticket", await suiteTickets.GetAsync("wx1", CancellationToken.None));
        Assert.Equal("refresh", await store.GetRefreshTokenAsync("wx1", CancellationToken.None));
        Assert.Null(await store.GetPermanentCodeAsync("wx1", CancellationToken.None));
        Assert.Null(await componentTickets.GetAsync("wx2", CancellationToken.None));
    }
}
