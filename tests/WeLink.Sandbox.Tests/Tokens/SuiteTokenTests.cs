using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Tokens;

public sealed class SuiteTokenTests
{
    [Fact]
    public async Task A_pushed_suite_ticket_buys_a_suite_token()
    {
        await using var host = await SandboxHost.StartAsync();

        var response = await host.RequestSuiteTokenAsync(await host.PushSuiteTicketAsync());

        Assert.Equal(0, response.Errcode());
        Assert.Equal(7200, response.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task A_suite_ticket_older_than_30_minutes_is_refused_with_40085()
    {
        await using var host = await SandboxHost.StartAsync();
        var ticket = await host.PushSuiteTicketAsync();

        host.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, (await host.RequestSuiteTokenAsync(ticket)).Errcode());
        host.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(40085, (await host.RequestSuiteTokenAsync(ticket)).Errcode());
    }

    [Fact]
    public async Task A_replaced_suite_token_answers_40082_after_five_minutes()
    {
        await using var host = await SandboxHost.StartAsync();
        var first = await host.SuiteTokenAsync();
        await host.SuiteTokenAsync();

        Assert.Equal(0, (await host.PreAuthCodeAsync(first)).Errcode());
        host.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(40082, (await host.PreAuthCodeAsync(first)).Errcode());
    }

    [Fact]
    public async Task An_expired_suite_token_answers_42009()
    {
        await using var host = await SandboxHost.StartAsync();
        var token = await host.SuiteTokenAsync();

        host.Advance(TimeSpan.FromSeconds(7200));

        Assert.Equal(42009, (await host.PreAuthCodeAsync(token)).Errcode());
    }
}
