using System.Text.Json;
using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Messaging;

/// <summary>The getPhoneNumber button's code and getuserphonenumber: the consumer's bound number, once, within 5 minutes, in that mini program.</summary>
public sealed class MiniProgramPhoneNumberTests
{
    [Fact]
    public async Task The_buttons_code_answers_the_consumers_number_once_with_the_mini_program_in_the_watermark()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var miniProgram = await host.AuthorizeAccountAsync(world.MiniProgram);
        var phone = world.Snapshot.GetProperty("consumers")[1].GetProperty("consumer").Text("phone");

        var tap = await host.TapPhoneNumberButtonAsync(miniProgram.AppId, world.ConsumerId(1));
        var first = await host.GetPhoneNumberAsync(miniProgram.AccessToken, tap.Text("code"), tap.Text("openid"));
        var again = await host.GetPhoneNumberAsync(miniProgram.AccessToken, tap.Text("code"));

        Assert.Equal("getPhoneNumber:ok", tap.Text("err_msg"));
        Assert.Matches("^1[3-9][0-9]{9}$", phone);
        Assert.Equal(0, first.Errcode());
        var info = first.GetProperty("phone_info");
        Assert.Equal((phone, phone, "86"), (info.Text("phoneNumber"), info.Text("purePhoneNumber"), info.Text("countryCode")));
        Assert.Equal(miniProgram.AppId, info.GetProperty("watermark").Text("appid"));
        Assert.InRange(
            (await host.Client.GetJsonAsync("control/clock")).GetProperty("unix_seconds").GetInt64() - info.GetProperty("watermark").GetProperty("timestamp").GetInt64(), 0, 5);
        Assert.Equal(40029, again.Errcode());
    }

    [Fact]
    public async Task A_code_past_five_minutes_a_wx_login_code_and_another_consumers_code_are_invalid()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var miniProgram = await host.AuthorizeAccountAsync(world.MiniProgram);
        var late = (await host.TapPhoneNumberButtonAsync(miniProgram.AppId, world.ConsumerId(0))).Text("code");
        host.Advance(TimeSpan.FromSeconds(300));
        var token = (await host.AuthorizeAccountAsync(miniProgram.AppId)).AccessToken;
        var login = (await host.Client.PostJsonAsync($"control/miniprogram/{miniProgram.AppId}/login", new { consumer = world.ConsumerId(0) })).Text("code");
        var someoneElses = await host.TapPhoneNumberButtonAsync(miniProgram.AppId, world.ConsumerId(1));
        var wangFang = await host.MiniProgramOpenIdAsync(miniProgram.AppId, world.ConsumerId(2));

        var answers = new[]
        {
            await host.GetPhoneNumberAsync(token, late),
            await host.GetPhoneNumberAsync(token, login),
            await host.GetPhoneNumberAsync(token, someoneElses.Text("code"), wangFang),
            await host.GetPhoneNumberAsync(token, null),
            await host.GetPhoneNumberAsync(token, someoneElses.Text("code"), someoneElses.Text("openid")),
        };

        Assert.Equal([40029, 40029, 40029, 40029, 0], answers.Select(a => a.Errcode()));
    }

    [Fact]
    public async Task Another_mini_programs_token_is_refused_and_leaves_the_code_good_for_its_own()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var miniProgram = await host.AuthorizeAccountAsync(world.MiniProgram);
        var ownerId = world.Snapshot.GetProperty("owners")[0].Text("id");
        var other = await host.AuthorizeAccountAsync(
            (await host.Client.PostJsonAsync("control/world/accounts", new { owner_id = ownerId, nickname = "Aurora Motors Shop", kind = "MiniProgram", verified = true })).Text("app_id"));
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var code = (await host.TapPhoneNumberButtonAsync(miniProgram.AppId, world.ConsumerId(0))).Text("code");

        var wrongAppId = await host.GetPhoneNumberAsync(other.AccessToken, code);
        var officialAccount = await host.GetPhoneNumberAsync(account.AccessToken, code);
        var own = await host.GetPhoneNumberAsync(miniProgram.AccessToken, code);

        Assert.Equal((40029, 48001, 0), (wrongAppId.Errcode(), officialAccount.Errcode(), own.Errcode()));
    }

    [Fact]
    public async Task Denying_the_sheet_gives_the_events_fail_message_and_no_code()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);

        var denied = await host.TapPhoneNumberButtonAsync(world.MiniProgram, world.ConsumerId(0), allow: false);

        Assert.Equal("getPhoneNumber:fail user deny", denied.Text("err_msg"));
        Assert.False(denied.TryGetProperty("code", out _));
        Assert.Equal(JsonValueKind.String, denied.GetProperty("openid").ValueKind);
    }
}
