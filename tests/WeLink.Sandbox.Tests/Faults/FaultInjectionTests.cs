using System.Diagnostics;
using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Faults;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task An_armed_errcode_answers_the_next_n_calls_then_the_api_recovers()
    {
        await using var host = await SandboxHost.StartAsync();
        var ticket = await host.PushComponentTicketAsync();
        await host.Client.PostAsJsonAsync("control/faults/api", new { api = "api_component_token", count = 2, errcode = -1 });

        var codes = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await host.RequestComponentTokenAsync(ticket)).Errcode());
        }

        Assert.Equal([-1, -1, 0], codes);
    }

    [Fact]
    public async Task An_armed_http_status_is_answered_instead_of_json()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.Client.PostAsJsonAsync("control/faults/api", new { api = "cgi-bin/service/get_suite_token", http_status = 503 });

        using var response = await host.Client.PostAsJsonAsync("wecom/cgi-bin/service/get_suite_token", new { suite_id = "x" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Added_latency_slows_every_call()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.Client.PostAsJsonAsync("control/faults/latency", new { latency_ms = 300 });

        var watch = Stopwatch.StartNew();
        await host.RequestComponentTokenAsync("any");

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_hold_keeps_an_apis_calls_until_the_parties_are_in_flight_and_the_peak_counts_them()
    {
        await using var host = await SandboxHost.StartAsync();
        var ticket = await host.PushComponentTicketAsync();
        await host.Client.PostAsJsonAsync("control/faults/hold", new { api = "api_component_token", parties = 2, timeout_ms = 60_000 });
        Task<int> InFlightAsync() => InFlightOfAsync(host, "in_flight");

        var first = host.RequestComponentTokenAsync(ticket);
        await Poll.UntilAsync(InFlightAsync, n => n == 1, Deadline.Delivery, "the first call held");
        Assert.False(first.IsCompleted);
        var second = host.RequestComponentTokenAsync(ticket);
        var answers = await Task.WhenAll(first, second);

        Assert.All(answers, a => Assert.Equal(0, a.Errcode()));
        Assert.Equal((0, 2), (await InFlightAsync(), await InFlightOfAsync(host, "peak")));

        // Cleared, a lone call goes on once the hold times out: one at a time never fills it, and the peak says so.
        await host.Client.DeleteAsync(new Uri("control/faults", UriKind.Relative));
        await host.Client.PostAsJsonAsync("control/faults/hold", new { api = "api_component_token", parties = 2, timeout_ms = 200 });
        Assert.Equal(0, (await host.RequestComponentTokenAsync(ticket)).Errcode());
        Assert.Equal(0, (await host.RequestComponentTokenAsync(ticket)).Errcode());
        Assert.Equal(1, await InFlightOfAsync(host, "peak"));
    }

    [Fact]
    public async Task A_call_beyond_the_daily_budget_answers_45009_until_the_next_day()
    {
        await using var host = await SandboxHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Sandbox:Quotas:DailyBudgets:cgi-bin/component/api_component_token"] = "2" });
        host.Advance(TimeSpan.FromHours(24) - host.Clock.GetUtcNow().TimeOfDay);
        var ticket = await host.PushComponentTicketAsync();

        var first = await host.RequestComponentTokenAsync(ticket);
        var second = await host.RequestComponentTokenAsync(ticket);
        var third = await host.RequestComponentTokenAsync(ticket);
        host.Advance(TimeSpan.FromHours(24));
        var nextDay = await host.RequestComponentTokenAsync(await host.PushComponentTicketAsync());

        Assert.Equal(0, first.Errcode());
        Assert.Equal(0, second.Errcode());
        Assert.Equal(45009, third.Errcode());
        Assert.Equal(0, nextDay.Errcode());
    }

    [Fact]
    public async Task A_dropped_push_never_reaches_welink()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        await host.Client.PostAsJsonAsync("control/faults/pushes", new { kind = "drop", count = 1 });

        var dropped = await host.FinishedPushAsync((await host.Client.PostJsonAsync("control/pushes/suite-ticket", new { })).PushId());
        var next = await host.FinishedPushAsync((await host.Client.PostJsonAsync("control/pushes/suite-ticket", new { })).PushId());

        Assert.Equal("Dropped", dropped.Text("status"));
        Assert.Equal("Delivered", next.Text("status"));
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task Reordered_pushes_arrive_newest_first()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        await host.Client.PostAsJsonAsync("control/faults/pushes", new { kind = "reorder", count = 2 });

        var first = await host.Client.PostJsonAsync("control/pushes/component-verify-ticket", new { });
        var second = await host.Client.PostJsonAsync("control/pushes/component-verify-ticket", new { });
        await host.FinishedPushAsync(first.PushId());

        var arrived = receiver.Received.Select(p => p.Message).ToList();
        Assert.Equal(2, arrived.Count);
        Assert.Contains(second.Text("ticket"), arrived[0], StringComparison.Ordinal);
        Assert.Contains(first.Text("ticket"), arrived[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delayed_push_is_held_then_delivered()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        await host.Client.PostAsJsonAsync("control/faults/pushes", new { kind = "delay", count = 1, delay_ms = 500 });

        var push = await host.Client.PostJsonAsync("control/pushes/suite-ticket", new { });
        var finished = await host.FinishedPushAsync(push.PushId());

        Assert.Equal("Delivered", finished.Text("status"));
        Assert.Single(receiver.Received);
        var created = finished.GetProperty("created_at").GetDateTimeOffset();
        var attempted = finished.GetProperty("attempts")[0].GetProperty("at").GetDateTimeOffset();
        Assert.True(attempted - created >= TimeSpan.FromMilliseconds(450), $"sent after {attempted - created}");
    }

    private static async Task<int> InFlightOfAsync(SandboxHost host, string field) =>
        (await host.Client.GetJsonAsync("control/faults/in-flight?api=cgi-bin/component/api_component_token")).GetProperty(field).GetInt32();
}
