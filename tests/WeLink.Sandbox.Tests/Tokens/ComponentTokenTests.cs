using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Tokens;

public sealed class ComponentTokenTests
{
    [Fact]
    public async Task A_pushed_ticket_buys_a_component_token_for_7200_seconds()
    {
        await using var host = await SandboxHost.StartAsync();

        var response = await host.RequestComponentTokenAsync(await host.PushComponentTicketAsync());

        Assert.Equal(0, response.Errcode());
        Assert.Equal(7200, response.GetProperty("expires_in").GetInt32());
        Assert.NotEmpty(response.Text("component_access_token"));
    }

    [Fact]
    public async Task A_ticket_the_sandbox_never_pushed_is_refused_with_61006()
    {
        await using var host = await SandboxHost.StartAsync();

        var response = await host.RequestComponentTokenAsync("ticket@@@made-up");

        Assert.Equal(61006, response.Errcode());
    }

    [Fact]
    public async Task A_ticket_older_than_12_hours_is_refused_with_61005()
    {
        await using var host = await SandboxHost.StartAsync();
        var ticket = await host.PushComponentTicketAsync();

        host.Advance(TimeSpan.FromHours(11));
        Assert.Equal(0, (await host.RequestComponentTokenAsync(ticket)).Errcode());
        host.Advance(TimeSpan.FromHours(1));
        Assert.Equal(61005, (await host.RequestComponentTokenAsync(ticket)).Errcode());
    }

    [Fact]
    public async Task A_wrong_component_secret_is_refused_with_40125()
    {
        await using var host = await SandboxHost.StartAsync();

        var response = await host.RequestComponentTokenAsync(await host.PushComponentTicketAsync(), secret: "wrong");

        Assert.Equal(40125, response.Errcode());
    }

    [Fact]
    public async Task A_replaced_token_keeps_working_for_five_minutes_then_answers_40001()
    {
        await using var host = await SandboxHost.StartAsync();
        var first = await host.ComponentTokenAsync();
        var second = await host.ComponentTokenAsync();

        Assert.Equal(0, (await host.AuthorizerListAsync(first)).Errcode());
        host.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await host.AuthorizerListAsync(first)).Errcode());
        host.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(40001, (await host.AuthorizerListAsync(first)).Errcode());
        Assert.Equal(0, (await host.AuthorizerListAsync(second)).Errcode());
    }

    [Fact]
    public async Task A_token_past_7200_seconds_answers_42001()
    {
        await using var host = await SandboxHost.StartAsync();
        var token = await host.ComponentTokenAsync();

        host.Advance(TimeSpan.FromSeconds(7199));
        Assert.Equal(0, (await host.AuthorizerListAsync(token)).Errcode());
        host.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(42001, (await host.AuthorizerListAsync(token)).Errcode());
    }

    [Fact]
    public async Task A_missing_token_answers_41001_and_an_unknown_one_40001()
    {
        await using var host = await SandboxHost.StartAsync();

        Assert.Equal(41001, (await host.AuthorizerListAsync("")).Errcode());
        Assert.Equal(40001, (await host.AuthorizerListAsync("not-a-token")).Errcode());
    }

    [Fact]
    public async Task The_control_api_moves_sandbox_time_forward()
    {
        await using var host = await SandboxHost.StartAsync();
        var before = host.Clock.GetUtcNow();

        var clock = await host.Client.PostJsonAsync("control/clock/advance", new { seconds = 3600 });

        Assert.Equal(3600, clock.GetProperty("offset_seconds").GetDouble());
        Assert.True(host.Clock.GetUtcNow() - before >= TimeSpan.FromHours(1));
    }
}
