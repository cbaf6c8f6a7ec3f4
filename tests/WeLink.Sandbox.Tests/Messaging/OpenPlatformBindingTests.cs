using System.Text.Json;
using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Messaging;

/// <summary>Open-platform binding decides the unionid: none while unbound, one shared by the accounts bound to one open-platform account.</summary>
public sealed class OpenPlatformBindingTests
{
    [Fact]
    public async Task An_unbound_mini_program_gives_no_unionid_until_the_component_creates_an_open_account_and_binding_shares_it()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var first = await UnboundAsync(host, world, "Club Lite");
        var second = await UnboundAsync(host, world, "Club Shop");
        var consumer = world.ConsumerId(0);

        var before = await SessionAsync(host, first, consumer);
        var notBound = await OpenAsync(host, "get", first.AccessToken, new { appid = first.AppId });
        var created = await OpenAsync(host, "create", first.AccessToken, new { appid = first.AppId });
        var openAppId = created.Text("open_appid");
        var bound = await OpenAsync(host, "bind", second.AccessToken, new { open_appid = openAppId });
        var (afterFirst, afterSecond) = (await SessionAsync(host, first, consumer), await SessionAsync(host, second, consumer));
        var got = await OpenAsync(host, "get", second.AccessToken, new { });
        var unbound = await OpenAsync(host, "unbind", second.AccessToken, new { open_appid = openAppId });
        var afterUnbind = await SessionAsync(host, second, consumer);

        Assert.False(before.TryGetProperty("unionid", out _));
        Assert.Equal((89002, 0, 0, 0, 0), (notBound.Errcode(), created.Errcode(), bound.Errcode(), got.Errcode(), unbound.Errcode()));
        Assert.StartsWith("wx", openAppId, StringComparison.Ordinal);
        Assert.Equal(openAppId, got.Text("open_appid"));
        Assert.Equal(afterFirst.Text("unionid"), afterSecond.Text("unionid"));
        Assert.False(string.IsNullOrEmpty(afterFirst.Text("unionid")));
        Assert.False(afterUnbind.TryGetProperty("unionid", out _));
    }

    [Fact]
    public async Task The_worlds_accounts_are_bound_to_their_owners_console_open_account_which_the_component_cannot_unbind()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var miniProgram = await host.AuthorizeAccountAsync(world.MiniProgram);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);

        var (ofMiniProgram, ofAccount) = (await OpenAsync(host, "get", miniProgram.AccessToken, new { }), await OpenAsync(host, "get", account.AccessToken, new { }));
        var create = await OpenAsync(host, "create", miniProgram.AccessToken, new { });
        var unbind = await OpenAsync(host, "unbind", miniProgram.AccessToken, new { open_appid = ofMiniProgram.Text("open_appid") });

        Assert.Equal(ofMiniProgram.Text("open_appid"), ofAccount.Text("open_appid"));
        Assert.Equal((89000, 89003), (create.Errcode(), unbind.Errcode()));
        Assert.False(string.IsNullOrEmpty((await SessionAsync(host, miniProgram, world.ConsumerId(0))).Text("unionid")));
    }

    private static async Task<AuthorizedAccount> UnboundAsync(SandboxHost host, WorldView world, string nickname)
    {
        var ownerId = world.Snapshot.GetProperty("owners")[0].Text("id");
        var account = await host.Client.PostJsonAsync(
            "control/world/accounts", new { owner_id = ownerId, nickname, kind = "MiniProgram", verified = true, bound = false });
        return await host.AuthorizeAccountAsync(account.Text("app_id"));
    }

    private static Task<JsonElement> OpenAsync(SandboxHost host, string api, string accessToken, object body) =>
        host.Client.PostJsonAsync($"wechat/cgi-bin/open/{api}?access_token={accessToken}", body);

    /// <summary>wx.login on the consumer's phone, then the component's jscode2session: the mini program's session answer.</summary>
    private static async Task<JsonElement> SessionAsync(SandboxHost host, AuthorizedAccount miniProgram, string consumerId)
    {
        var code = (await host.Client.PostJsonAsync($"control/miniprogram/{miniProgram.AppId}/login", new { consumer = consumerId })).Text("code");
        return await host.Client.GetJsonAsync(
            $"wechat/sns/component/jscode2session?appid={miniProgram.AppId}&js_code={code}&grant_type=authorization_code"
            + $"&component_appid={SandboxHost.ComponentAppId}&component_access_token={miniProgram.ComponentToken}");
    }
}
