using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WeLink.Server.Callbacks;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Data;
using WeLink.Server.Data.Queues;

namespace WeLink.Server.Tests.Data;

/// <summary>
/// The one leased work queue, on the inbox table (its rows written by the real inbox store) and a fake clock: claims,
/// leases, completion, failure with backoff, parking and admin retries.
/// </summary>
public abstract class LeasedWorkTests(DatabaseProvider provider)
{
    private static readonly QueueTable Inbox = new("inbox", "id AS Id, attempts AS Attempts, received_at AS ReceivedAt", CompletedColumn: "processed_at");
    private static readonly RetryPolicy ThreeTries = new(3, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(25));
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Concurrent_claimers_never_get_the_same_item_and_together_get_them_all()
    {
        await using var world = await World.StartAsync(provider, items: 120);

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while ((await world.Work.ClaimAsync(7, world.Clock.GetUtcNow() + Lease, CancellationToken.None)).Items is { Count: > 0 } items)
            {
                mine.AddRange(items.Select(i => i.Id));
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(120, all.Count);
        Assert.Equal(world.Ids.Order(), all.Order());
    }

    [Fact]
    public async Task A_claim_takes_at_most_the_batch_oldest_due_first_hands_them_out_in_order_and_counts_an_attempt()
    {
        await using var world = await World.StartAsync(provider, items: 45);
        var given = await world.Work.ClaimAsync(5, world.Clock.GetUtcNow() + Lease, CancellationToken.None);
        foreach (var item in given.Items)
        {
            Assert.True(await world.Work.ReleaseAsync(item.Id, given.Lease, CancellationToken.None));
        }

        var claim = await world.Work.ClaimAsync(40, world.Clock.GetUtcNow() + Lease, CancellationToken.None);

        // In order, not merely the right set: PostgreSQL returns a claim's rows in the order they lie in the table, where
        // the five given back now lie last, and a person's two messages handled the wrong way round open their
        // conversation with the second.
        Assert.Equal(world.Ids.Take(40), claim.Items.Select(i => i.Id));
        Assert.All(claim.Items, i => Assert.Equal(given.Items.Any(g => g.Id == i.Id) ? 2 : 1, i.Attempts));
        Assert.Equal(world.Ids.Skip(40), (await world.Work.ClaimAsync(10, world.Clock.GetUtcNow() + Lease, CancellationToken.None)).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task An_expired_lease_is_reclaimed_and_the_first_claimer_can_then_write_nothing()
    {
        await using var world = await World.StartAsync(provider, items: 1);
        var first = await world.Work.ClaimAsync(10, world.Clock.GetUtcNow() + Lease, CancellationToken.None);
        Assert.Empty((await world.Work.ClaimAsync(10, world.Clock.GetUtcNow() + Lease, CancellationToken.None)).Items);

        world.Clock.Advance(Lease);
        var second = await world.Work.ClaimAsync(10, world.Clock.GetUtcNow() + Lease, CancellationToken.None);

        Assert.Equal(2, Assert.Single(second.Items).Attempts);
        Assert.Equal(0, await world.Work.CompleteAsync([world.Ids[0]], QueueStatus.Done, first.Lease, CancellationToken.None));
        Assert.Equal(FailOutcome.LeaseLost, await world.Work.FailAsync(world.Ids[0], first.Lease, 1, "late", ThreeTries, CancellationToken.None));
        Assert.False(await world.Work.ReleaseAsync(world.Ids[0], first.Lease, CancellationToken.None));
        Assert.Equal(1, await world.Work.CompleteAsync([world.Ids[0]], QueueStatus.Done, second.Lease, CancellationToken.None));
        Assert.Equal("done", await world.StatusAsync());
    }

    [Fact]
    public async Task A_failing_item_waits_out_a_doubling_capped_backoff_then_is_parked_with_its_last_error()
    {
        await using var world = await World.StartAsync(provider, items: 1);

        Assert.Equal(FailOutcome.Retrying, await world.ClaimAndFailAsync("first", ThreeTries));
        world.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty((await world.Work.ClaimAsync(10, world.Clock.GetUtcNow() + Lease, CancellationToken.None)).Items);
        world.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(FailOutcome.Retrying, await world.ClaimAndFailAsync("second", ThreeTries));

        // The second wait doubles to 20 s (under the 25 s cap); the third attempt is the last.
        world.Clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Empty((await world.Work.ClaimAsync(10, world.Clock.GetUtcNow() + Lease, CancellationToken.None)).Items);
        world.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(FailOutcome.Parked, await world.ClaimAndFailAsync(new string('x', 5000), ThreeTries));

        world.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty((await world.Work.ClaimAsync(10, world.Clock.GetUtcNow() + Lease, CancellationToken.None)).Items);
        Assert.Equal("parked", await world.StatusAsync());
        Assert.Equal(LeasedWork<Row>.MaxErrorLength, (await world.Database.ScalarAsync<string>("SELECT last_error FROM inbox")).Length);
    }

    [Fact]
    public void The_backoff_doubles_from_the_first_delay_and_stops_at_the_cap()
    {
        var retries = new RetryPolicy(10, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));

        Assert.Equal([5, 10, 20, 40, 60, 60], Enumerable.Range(1, 6).Select(a => retries.DelayAfter(a).TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(1), retries.DelayAfter(int.MaxValue));
        Assert.False(retries.Parks(9));
        Assert.True(retries.Parks(10));
    }

    [Fact]
    public async Task An_admin_retry_puts_back_a_parked_or_still_failing_item_once_and_nothing_else()
    {
        await using var world = await World.StartAsync(provider, items: 1);
        var id = world.Ids[0];
        Assert.False(await world.Work.RetryAsync(id, CancellationToken.None));

        Assert.Equal(FailOutcome.Retrying, await world.ClaimAndFailAsync("down", ThreeTries));
        Assert.True(await world.Work.RetryAsync(id, CancellationToken.None));
        Assert.False(await world.Work.RetryAsync(id, CancellationToken.None));

        var claim = await world.Work.ClaimAsync(10, world.Clock.GetUtcNow() + Lease, CancellationToken.None);
        Assert.Equal(1, Assert.Single(claim.Items).Attempts);
        Assert.Equal(FailOutcome.Parked, await world.Work.FailAsync(id, claim.Lease, 3, "still down", ThreeTries, CancellationToken.None));
        Assert.True(await world.Work.RetryAsync(id, CancellationToken.None));

        claim = await world.Work.ClaimAsync(10, world.Clock.GetUtcNow() + Lease, CancellationToken.None);
        Assert.Single(claim.Items);
        Assert.False(await world.Work.RetryAsync(id, CancellationToken.None));
        Assert.Equal(1, await world.Work.CompleteAsync([id], QueueStatus.Done, claim.Lease, CancellationToken.None));
        Assert.False(await world.Work.RetryAsync(id, CancellationToken.None));
        Assert.Null(await world.Database.ScalarAsync<string?>("SELECT last_error FROM inbox"));
    }

    [Fact]
    public async Task A_released_item_can_be_claimed_again_at_once()
    {
        await using var world = await World.StartAsync(provider, items: 1);
        var claim = await world.Work.ClaimAsync(10, world.Clock.GetUtcNow() + Lease, CancellationToken.None);

        Assert.True(await world.Work.ReleaseAsync(world.Ids[0], claim.Lease, CancellationToken.None));

        Assert.Single((await world.Work.ClaimAsync(10, world.Clock.GetUtcNow() + Lease, CancellationToken.None)).Items);
    }

    public sealed class Row
    {
        public Guid Id { get; init; }

        public int Attempts { get; init; }

        public DateTimeOffset ReceivedAt { get; init; }
    }

    private sealed class World(TestDatabase database, ServiceProvider services, FakeTimeProvider clock, List<Guid> ids) : IAsyncDisposable
    {
        public TestDatabase Database => database;

        public FakeTimeProvider Clock => clock;

        /// <summary>The items in the order they are due.</summary>
        public List<Guid> Ids => ids;

        public LeasedWork<Row> Work { get; } = new(Inbox, services.GetRequiredService<IDbConnectionFactory>(), clock, row => row.ReceivedAt);

        public static async Task<World> StartAsync(DatabaseProvider provider, int items)
        {
            var database = await TestDatabase.CreateMigratedAsync(provider);
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
            var services = new ServiceCollection()
                .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
                .AddSingleton<TimeProvider>(clock)
                .AddData(new ConfigurationBuilder().Build(), database.Settings)
                .AddSingleton<InboxStore>()
                .BuildServiceProvider();
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            var start = clock.GetUtcNow();
            var entries = Enumerable.Range(0, items)
                .Select(i => new InboxEntry(
                    Guid.CreateVersion7(), CallbackChannel.Component, null, $"dedup-{i}", "text", "<xml/>", start.AddMilliseconds(i - items)))
                .ToList();
            await services.GetRequiredService<InboxStore>().AddNewAsync(entries, CancellationToken.None);
            return new World(database, services, clock, [.. entries.Select(e => e.Id)]);
        }

        public async Task<FailOutcome> ClaimAndFailAsync(string error, RetryPolicy retries)
        {
            var claim = await Work.ClaimAsync(10, clock.GetUtcNow() + Lease, CancellationToken.None);
            var item = Assert.Single(claim.Items);
            return await Work.FailAsync(item.Id, claim.Lease, item.Attempts, error, retries, CancellationToken.None);
        }

        public Task<string> StatusAsync() => database.ScalarAsync<string>("SELECT status FROM inbox");

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            await database.DisposeAsync();
        }
    }
}

public sealed class LeasedWorkTests_on_Sqlite() : LeasedWorkTests(DatabaseProvider.Sqlite);

public sealed class LeasedWorkTests_on_Postgres() : LeasedWorkTests(DatabaseProvider.Postgres);
