using WeLink.Server.Cases.Engine;
using WeLink.Server.Cases.Outbox;
using WeLink.Server.Data;
using WeLink.Server.Data.Queues;

namespace WeLink.Server.Tests.Cases;

public abstract class OutboxTests(DatabaseProvider provider)
{
    private static readonly Dictionary<string, string?> ThreeAttempts = new()
    {
        ["Cases:OutboxMaxAttempts"] = "3",
        ["Cases:OutboxFirstRetryDelay"] = "00:00:10",
    };

    [Fact]
    public async Task A_failing_action_is_retried_with_backoff_then_parked_and_an_admin_retry_delivers_it()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = CaseServices.Clock();
        var actions = new RecordingActions();
        await using var cases = await CaseServices.StartAsync(database, clock, actions, ThreeAttempts);
        var (brand, dealer) = await database.SeedDealerAsync();
        actions.Fail("send_receipt", 3);
        await cases.Get<CaseEngine>().StartAsync(CaseEngineTests.Start(brand, dealer, "s1"), CancellationToken.None);
        var dispatcher = cases.Get<OutboxDispatcher>();
        var store = cases.Get<OutboxStore>();

        Assert.Equal(2, await dispatcher.RunDueAsync(CancellationToken.None));
        Assert.Equal(1, actions.Count("notify_staff_new_complaint"));
        Assert.Equal(0, await dispatcher.RunDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await dispatcher.RunDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, await dispatcher.RunDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await dispatcher.RunDueAsync(CancellationToken.None));

        var parked = Assert.Single(await store.ListAsync(OutboxStore.Parked, 10, CancellationToken.None));
        Assert.Equal(("send_receipt", 3), (parked.Action, parked.Attempts));
        Assert.Contains("send_receipt is down", parked.LastError, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await dispatcher.RunDueAsync(CancellationToken.None));

        Assert.True(await store.Work.RetryAsync(parked.Id, CancellationToken.None));
        Assert.Equal(1, await dispatcher.RunDueAsync(CancellationToken.None));
        Assert.Equal(1, actions.Count("send_receipt"));
        Assert.Empty(await store.ListAsync(OutboxStore.Parked, 10, CancellationToken.None));
        Assert.Equal(2, (await store.ListAsync(OutboxStore.Done, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Delivered_items_go_in_batches_once_past_their_retention_and_parked_or_pending_ones_stay()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = CaseServices.Clock();
        var actions = new RecordingActions();
        await using var cases = await CaseServices.StartAsync(database, clock, actions, new Dictionary<string, string?>(ThreeAttempts)
        {
            ["Cases:OutboxRetention"] = "2.00:00:00",
        });
        var (brand, dealer) = await database.SeedDealerAsync();
        var engine = cases.Get<CaseEngine>();
        var dispatcher = cases.Get<OutboxDispatcher>();
        async Task StartAndDeliverAsync(string key, int rounds)
        {
            await engine.StartAsync(CaseEngineTests.Start(brand, dealer, key), CancellationToken.None);
            for (var round = 0; round < rounds; round++)
            {
                await dispatcher.RunDueAsync(CancellationToken.None);
                clock.Advance(TimeSpan.FromMinutes(1));
            }
        }

        // Day one: the first case's receipt fails its three attempts and is parked; the second case's two items get
        // through. Day two: the third case's notice gets through and its receipt fails once (pending again).
        actions.Fail("send_receipt", 3);
        await StartAndDeliverAsync("s1", rounds: 3);
        await StartAndDeliverAsync("s2", rounds: 1);
        clock.Advance(TimeSpan.FromDays(1));
        actions.Fail("send_receipt", 1);
        await StartAndDeliverAsync("s3", rounds: 1);
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        Task<List<(string Status, long Count)>> CountsAsync() =>
            database.QueryAsync<(string Status, long Count)>("SELECT status, COUNT(*) FROM outbox GROUP BY status ORDER BY status");
        Assert.Equal([("done", 4L), ("parked", 1L), ("pending", 1L)], await CountsAsync());

        var purged = await cases.Get<QueueRetention>().PurgeAsync(clock.GetUtcNow(), batchSize: 2, CancellationToken.None);

        // Day one's three delivered items went (two statements); day two's, the parked and the pending ones stay.
        Assert.Equal(3, purged);
        Assert.Equal([("done", 1L), ("parked", 1L), ("pending", 1L)], await CountsAsync());
        Assert.Equal(0, await cases.Get<QueueRetention>().PurgeAsync(clock.GetUtcNow(), batchSize: 2, CancellationToken.None));
        Assert.Equal(1, actions.Count("send_receipt"));
    }

    [Fact]
    public async Task An_item_claimed_by_a_node_that_died_is_delivered_after_the_lease()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = CaseServices.Clock();
        var actions = new RecordingActions();
        await using var dead = await CaseServices.StartAsync(database, clock, new RecordingActions());
        await using var alive = await CaseServices.StartAsync(database, clock, actions);
        var (brand, dealer) = await database.SeedDealerAsync();
        var started = Assert.IsType<CaseMoved>(await alive.Get<CaseEngine>().StartAsync(CaseEngineTests.Start(brand, dealer, "s1"), CancellationToken.None));

        Assert.Equal(2, (await dead.Get<OutboxDispatcher>().ClaimAsync(CancellationToken.None)).Items.Count);
        Assert.Equal(0, await alive.Get<OutboxDispatcher>().RunDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(2, await alive.Get<OutboxDispatcher>().RunDueAsync(CancellationToken.None));

        var receipt = Assert.Single(actions.Delivered, d => d.Action == "send_receipt");
        Assert.Equal((started.CaseId, dealer, 2), (receipt.CaseId, receipt.DealerId, receipt.Attempt));
        Assert.Equal($"{started.CaseId:N}:1:send_receipt", receipt.IdempotencyKey);
        Assert.Equal("received", receipt.Payload["to"]!.GetValue<string>());
    }
}

public sealed class OutboxTests_on_Sqlite() : OutboxTests(DatabaseProvider.Sqlite);

public sealed class OutboxTests_on_Postgres() : OutboxTests(DatabaseProvider.Postgres);
