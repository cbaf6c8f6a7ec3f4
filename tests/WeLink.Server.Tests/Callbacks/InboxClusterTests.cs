using System.Net;
using WeLink.Server.Data;

namespace WeLink.Server.Tests.Callbacks;

/// <summary>Two WeLink nodes on one PostgreSQL database share the inbox: every event is handled by one of them, once.</summary>
public sealed class InboxClusterTests
{
    private const int Events = 200;

    [Fact]
    public async Task Two_nodes_on_one_PostgreSQL_database_dispatch_each_event_once()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres);
        var first = new RecordingHandler();
        var second = new RecordingHandler();
        // A short lease: should a round fail after claiming (a timeout on a loaded machine), its events come back in time.
        string[] busy = ["--Inbox:BatchSize=5", "--Inbox:PollInterval=00:00:00.020", "--Inbox:LeaseDuration=00:00:05"];
        await using var one = await CallbackHosts.StartAsync(database, first, busy);
        await using var two = await CallbackHosts.StartAsync(database, second, busy);
        var now = DateTimeOffset.UtcNow;

        var answers = await Task.WhenAll(Enumerable.Range(0, Events).Select(async i =>
        {
            var push = SignedPush.ToAccount("wxdealer0001", SignedPush.TextMessage($"test:{i}", SignedPush.NextMsgId(), now), now);
            using var response = await push.PostAsync((i % 2 == 0 ? one : two).Http);
            return response.StatusCode;
        }));
        await Poll.UntilAsync(() => database.InboxCountAsync("done"), n => n == Events, Deadline.BackgroundWork, "every event to be handled");

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        var handled = first.Deliveries.Concat(second.Deliveries).Select(d => d.Event.Id).ToList();
        Assert.Equal(Events, handled.Count);
        Assert.Equal(Events, handled.Distinct().Count());
    }
}
