using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeLink.Server.Callbacks;
using WeLink.Server.Data;
using WeLink.Server.Data.Queues;

namespace WeLink.Server.Tests.Callbacks;

/// <summary>Retries, parking, leases and the admin operations of the inbox, on a fake clock.</summary>
public abstract class InboxDispatchTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_failing_handler_is_retried_with_doubling_backoff_then_parked_with_its_error()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new RecordingHandler { FailuresBeforeSuccess = int.MaxValue };
        await using var host = await CallbackHosts.StartAsync(
            database,
            handler,
            ["--Inbox:MaxAttempts=3", "--Inbox:RetryBaseDelay=00:00:10", "--Inbox:RetryMaxDelay=00:10:00"],
            builder => builder.Services.AddSingleton<TimeProvider>(clock));
        var receivedAt = clock.GetUtcNow();

        using var response = await SignedPush.ToAccount("wxdealer0001", SignedPush.TextMessage("test:fails", SignedPush.NextMsgId(), receivedAt), receivedAt)
            .PostAsync(host.Http);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await WaitForDeliveriesAsync(handler, 1);
        var retryAt = await NextAttemptAsync(database, attempts: 1);
        Assert.Equal(receivedAt.AddSeconds(10), retryAt, TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Single(handler.Deliveries);

        clock.Advance(TimeSpan.FromSeconds(1));
        await NudgeUntilDeliveriesAsync(clock, handler, 2);
        retryAt = await NextAttemptAsync(database, attempts: 2);
        Assert.Equal(receivedAt.AddSeconds(10 + 20), retryAt, TimeSpan.FromSeconds(2));

        clock.Advance(TimeSpan.FromSeconds(20));
        await NudgeUntilDeliveriesAsync(clock, handler, 3);
        await Poll.UntilAsync(() => database.InboxCountAsync(InboxStatus.Parked), n => n == 1, Deadline.BackgroundWork, "the event to be parked");

        var parked = Assert.Single((await host.Services.GetRequiredService<InboxStore>().ListAsync(InboxStatus.Parked, 1, 50, CancellationToken.None)).Items);
        Assert.Equal(3, parked.Attempts);
        Assert.Contains("RecordingHandler: InvalidOperationException: Simulated failure 3", parked.LastError, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], handler.Deliveries.Select(d => d.Event.Attempt).ToArray());
    }

    [Fact]
    public async Task A_parked_event_retried_by_an_admin_is_delivered_again_with_fresh_attempts()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var handler = new RecordingHandler { FailuresBeforeSuccess = 1 };
        await using var host = await CallbackHosts.StartAsync(database, handler, ["--Inbox:MaxAttempts=1"]);
        var now = DateTimeOffset.UtcNow;
        using var response = await SignedPush.ToAccount("wxdealer0001", SignedPush.TextMessage("test:park", SignedPush.NextMsgId(), now), now)
            .PostAsync(host.Http);
        await Poll.UntilAsync(() => database.InboxCountAsync(InboxStatus.Parked), n => n == 1, Deadline.BackgroundWork, "the event to be parked");
        var store = host.Services.GetRequiredService<InboxStore>();
        var parked = Assert.Single((await store.ListAsync(InboxStatus.Parked, 1, 50, CancellationToken.None)).Items);

        Assert.True(await store.Work.RetryAsync(parked.Id, CancellationToken.None));
        Assert.False(await store.Work.RetryAsync(parked.Id, CancellationToken.None));
        host.Services.GetRequiredService<WorkSignal<InboxDispatcher>>().Notify();

        await Poll.UntilAsync(() => database.InboxCountAsync(InboxStatus.Done), n => n == 1, Deadline.BackgroundWork, "the retried event to be handled");
        Assert.Equal([1, 1], handler.Deliveries.Select(d => d.Event.Attempt).ToArray());
        Assert.False(await store.Work.RetryAsync(Guid.CreateVersion7(), CancellationToken.None));
    }

    [Fact]
    public async Task Events_claimed_by_a_node_that_died_come_back_when_the_lease_passes()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CallbackHosts.StartAsync(
            database, new RecordingHandler(), ["--Inbox:DispatchEnabled=false"], builder => builder.Services.AddSingleton<TimeProvider>(clock));
        var store = host.Services.GetRequiredService<InboxStore>();
        var now = clock.GetUtcNow();
        using var response = await SignedPush.ToAccount("wxdealer0001", SignedPush.TextMessage("test:lease", SignedPush.NextMsgId(), now), now)
            .PostAsync(host.Http);

        var first = Assert.Single((await store.Work.ClaimAsync(10, now.AddMinutes(1), CancellationToken.None)).Items);
        Assert.Empty((await store.Work.ClaimAsync(10, now.AddMinutes(1), CancellationToken.None)).Items);
        clock.Advance(TimeSpan.FromSeconds(61));
        var again = Assert.Single((await store.Work.ClaimAsync(10, clock.GetUtcNow().AddMinutes(1), CancellationToken.None)).Items);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(2, again.Attempts);
        Assert.Equal(0, await store.Work.CompleteAsync([first.Id], InboxStatus.Done, now.AddMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task The_admin_list_pages_one_status_newest_first()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CallbackHosts.StartAsync(
            database, new RecordingHandler(), ["--Inbox:DispatchEnabled=false"], builder => builder.Services.AddSingleton<TimeProvider>(clock));
        for (var i = 0; i < 3; i++)
        {
            var now = clock.GetUtcNow();
            using var response = await SignedPush.ToAccount("wxdealer0001", SignedPush.TextMessage($"test:{i}", SignedPush.NextMsgId(), now), now)
                .PostAsync(host.Http);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var store = host.Services.GetRequiredService<InboxStore>();
        var first = await store.ListAsync(InboxStatus.Pending, 1, 2, CancellationToken.None);
        var second = await store.ListAsync(InboxStatus.Pending, 2, 2, CancellationToken.None);

        Assert.True(first.HasMore);
        Assert.False(second.HasMore);
        var received = first.Items.Concat(second.Items).Select(e => e.ReceivedAt).ToList();
        Assert.Equal(3, received.Count);
        Assert.Equal(received.OrderDescending(), received);
        Assert.Empty((await store.ListAsync(InboxStatus.Parked, 1, 50, CancellationToken.None)).Items);
    }

    private static Task<int> WaitForDeliveriesAsync(RecordingHandler handler, int count) =>
        Poll.UntilAsync(() => Task.FromResult(handler.Deliveries.Count), n => n >= count, Deadline.BackgroundWork, $"delivery {count}");

    /// <summary>
    /// Waits for a delivery that is due, moving the fake clock on by a few milliseconds now and then: a dispatcher that was
    /// still busy when the clock reached the due time arms its next poll after it, and that poll only fires when time moves.
    /// </summary>
    private static Task NudgeUntilDeliveriesAsync(FakeTimeProvider clock, RecordingHandler handler, int count) =>
        Poll.UntilAsync(
            () => handler.Deliveries.Count >= count,
            Deadline.BackgroundWork,
            $"delivery {count}",
            () => clock.Advance(TimeSpan.FromMilliseconds(10)));

    private static async Task<DateTimeOffset> NextAttemptAsync(TestDatabase database, int attempts)
    {
        await Poll.UntilAsync(
            () => database.ScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 'pending' AND attempts = @attempts AND locked_until IS NULL", new { attempts }),
            n => n == 1,
            Deadline.BackgroundWork,
            $"failure {attempts} to be recorded");
        var text = await database.ScalarAsync<object>("SELECT next_attempt_at FROM inbox");
        return text switch
        {
            DateTime value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
            DateTimeOffset value => value,
            _ => DateTimeOffset.Parse((string)text, System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

public sealed class InboxDispatchTests_on_Sqlite() : InboxDispatchTests(DatabaseProvider.Sqlite);

public sealed class InboxDispatchTests_on_Postgres() : InboxDispatchTests(DatabaseProvider.Postgres);
