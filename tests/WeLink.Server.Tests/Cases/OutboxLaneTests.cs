using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Cases.Outbox;
using WeLink.Server.Data;
using WeLink.Server.Tests.Complaints;

namespace WeLink.Server.Tests.Cases;

/// <summary>
/// The outbox delivers a claimed batch in lanes, one per case, through the real action handlers and the sandbox as
/// WeChat and WeCom. The test runs the dispatcher itself (the node's polling is off), so one round holds every item
/// written so far. Concurrency is proved with the sandbox's hold, not with timings: it keeps the status template sends
/// until the given number are in flight together, and counts the most that were.
/// </summary>
public abstract class OutboxLaneTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string TemplateSend = "template/send";
    private const string TemplateSendApi = "cgi-bin/message/template/send";

    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(provider, "--Cases:RunOutbox=false");

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_round_delivers_one_cases_items_in_their_order_and_different_cases_at_once()
    {
        // Each complaint filed, then acknowledged: its receipt (已受理) is written before its status notice (处理中).
        var people = _world.People.Take(2).ToList();
        using var manager = await _world.StaffAsync(_world.Manager);
        foreach (var person in people)
        {
            using var consumer = await _world.ConsumerAsync(person);
            var complaint = await ComplaintTests.FileAsync(consumer, "lanes", "服务态度", "normal");
            await ComplaintTests.FireAsStaffAsync(manager, complaint.Id, "acknowledge", new { });
        }

        // Two template sends in flight at once can only be two cases' (a case's lane sends one after the other); a
        // dispatcher that delivers one item at a time never fills the hold.
        await HoldAsync(parties: 2);
        await _world.Host.Services.GetRequiredService<OutboxDispatcher>().RunDueAsync(CancellationToken.None);

        Assert.Equal(2, (await InFlightAsync()).GetProperty("peak").GetInt32());
        foreach (var person in people)
        {
            var sent = await _world.MessagesAsync(TemplateSend, await _world.OpenIdAsync(person));
            Assert.Equal(["已受理", "处理中"], sent.Select(Status));
        }

        Assert.Equal(0L, await NotDeliveredAsync());
    }

    [Fact]
    public async Task A_failing_item_holds_back_no_other_lane_and_is_retried_after_its_backoff()
    {
        var people = _world.People.Take(3).ToList();
        foreach (var person in people)
        {
            using var consumer = await _world.ConsumerAsync(person);
            await ComplaintTests.FileAsync(consumer, "failing", "服务态度", "normal");
        }

        // The three receipts are in flight together, and WeChat refuses one of them once.
        await HoldAsync(parties: 3);
        await _world.ControlAsync("faults/api", new { api = TemplateSendApi, count = 1, errcode = -1 });
        var dispatcher = _world.Host.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.RunDueAsync(CancellationToken.None);

        Assert.Equal(3, (await InFlightAsync()).GetProperty("peak").GetInt32());
        var received = await ReceiptsAsync(people);
        Assert.Equal([0, 1, 1], received.Order());
        var failing = await _world.QuerySingleAsync<(string Action, long Attempts, string LastError)>(
            "SELECT action, attempts, last_error FROM outbox WHERE status <> 'done'", new { });
        Assert.Equal(("send_receipt", 1L), (failing.Action, failing.Attempts));
        Assert.Contains("answered errcode -1", failing.LastError, StringComparison.Ordinal);

        // Before its backoff ends nothing is due; after it, the receipt goes once.
        Assert.Equal(0, await dispatcher.RunDueAsync(CancellationToken.None));
        _world.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await dispatcher.RunDueAsync(CancellationToken.None));

        Assert.Equal([1, 1, 1], await ReceiptsAsync(people));
        Assert.Equal(0L, await NotDeliveredAsync());
    }

    private async Task HoldAsync(int parties) =>
        await _world.ControlAsync("faults/hold", new { api = TemplateSendApi, parties, timeout_ms = 10_000 });

    private async Task<JsonElement> InFlightAsync() =>
        await _world.Host.Http.GetFromJsonAsync<JsonElement>(new Uri($"/sandbox/control/faults/in-flight?api={TemplateSendApi}", UriKind.Relative));

    private async Task<List<int>> ReceiptsAsync(IEnumerable<string> people)
    {
        var counts = new List<int>();
        foreach (var person in people)
        {
            counts.Add((await _world.MessagesAsync(TemplateSend, await _world.OpenIdAsync(person))).Count(m => Status(m) == "已受理"));
        }

        return counts;
    }

    private Task<long> NotDeliveredAsync() => _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM outbox WHERE status <> 'done'", new { });

    private static string? Status(JsonElement message) =>
        message.GetProperty("body").GetProperty("data").GetProperty("phrase2").GetProperty("value").GetString();
}

public sealed class OutboxLaneTests_on_Sqlite() : OutboxLaneTests(DatabaseProvider.Sqlite);

public sealed class OutboxLaneTests_on_Postgres() : OutboxLaneTests(DatabaseProvider.Postgres);
