using System.Text.Json;
using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Authorization;

public sealed class OAuthTests
{
    [Fact]
    public async Task A_consumer_code_becomes_the_consumers_openid_once()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var code = await ConsentAsync(host, world.ConsumerId(0), account.AppId, "snsapi_base");

        var first = await ExchangeAsync(host, account, code, account.ComponentToken);
        var second = await ExchangeAsync(host, account, code, account.ComponentToken);

        var identity = (await WorldView.ReadAsync(host)).Snapshot.GetProperty("consumers")[0].GetProperty("identities")[0];
        Assert.Equal(identity.Text("open_id"), first.Text("openid"));
        Assert.Equal("snsapi_base", first.Text("scope"));
        Assert.Equal(40163, second.Errcode());
    }

    [Fact]
    public async Task A_consumer_code_expires_after_300_seconds()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var code = await ConsentAsync(host, world.ConsumerId(0), account.AppId, "snsapi_base");

        host.Advance(TimeSpan.FromSeconds(300));
        var response = await ExchangeAsync(host, account, code, await host.ComponentTokenAsync());

        Assert.Equal(40029, response.Errcode());
    }

    [Fact]
    public async Task Exchanging_a_code_with_the_authorizer_token_answers_48001()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var code = await ConsentAsync(host, world.ConsumerId(0), account.AppId, "snsapi_base");

        var response = await ExchangeAsync(host, account, code, account.AccessToken);

        Assert.Equal(48001, response.Errcode());
    }

    [Fact]
    public async Task User_info_needs_the_userinfo_scope_and_carries_one_unionid_across_the_owners_accounts()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var first = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var second = await host.AuthorizeAccountAsync(world.AccountAppId("ServiceAccount", verified: false));
        var consumer = world.ConsumerId(1);

        var baseToken = await ExchangeAsync(host, first, await ConsentAsync(host, consumer, first.AppId, "snsapi_base"), first.ComponentToken);
        var fromFirst = await UserInfoAsync(host, await ExchangeAsync(host, first, await ConsentAsync(host, consumer, first.AppId, "snsapi_userinfo"), second.ComponentToken));
        var fromSecond = await UserInfoAsync(host, await ExchangeAsync(host, second, await ConsentAsync(host, consumer, second.AppId, "snsapi_userinfo"), second.ComponentToken));

        Assert.Equal(48001, (await UserInfoAsync(host, baseToken)).Errcode());
        Assert.Equal("Wang Fang", fromFirst.Text("nickname"));
        Assert.NotEqual(fromFirst.Text("openid"), fromSecond.Text("openid"));
        Assert.Equal(fromFirst.Text("unionid"), fromSecond.Text("unionid"));
    }

    [Fact]
    public async Task The_refresh_token_renews_a_consumer_token()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var token = await ExchangeAsync(host, account, await ConsentAsync(host, world.ConsumerId(0), account.AppId, "snsapi_base"), account.ComponentToken);

        var renewed = await host.Client.GetJsonAsync(
            $"wechat/sns/oauth2/component/refresh_token?appid={account.AppId}&grant_type=refresh_token&component_appid={SandboxHost.ComponentAppId}" +
            $"&component_access_token={account.ComponentToken}&refresh_token={token.Text("refresh_token")}");

        Assert.Equal(token.Text("openid"), renewed.Text("openid"));
        Assert.NotEqual(token.Text("access_token"), renewed.Text("access_token"));
    }

    [Fact]
    public async Task A_staff_code_names_the_corp_and_user_once_and_privateinfo_yields_details()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var suiteToken = await host.SuiteTokenAsync();
        var userId = world.StaffUserId(0, 0);
        var open = await host.Client.PostJsonAsync(
            "control/staff/open-app", new { corpid = world.CorpId(0), userid = userId, scope = "snsapi_privateinfo" });
        var path = $"wecom/cgi-bin/service/auth/getuserinfo3rd?suite_access_token={suiteToken}&code={open.Text("code")}";

        var first = await host.Client.GetJsonAsync(path);
        var second = await host.Client.GetJsonAsync(path);
        var detail = await host.Client.PostJsonAsync(
            $"wecom/cgi-bin/service/auth/getuserdetail3rd?suite_access_token={suiteToken}", new { user_ticket = first.Text("user_ticket") });

        Assert.Equal(world.CorpId(0), first.Text("corpid"));
        Assert.Equal(userId, first.Text("userid"));
        Assert.Equal(40029, second.Errcode());
        Assert.Equal("Chen Jie", detail.Text("name"));
    }

    private static async Task<string> ConsentAsync(SandboxHost host, string consumerId, string appId, string scope)
    {
        var consent = await host.Client.PostJsonAsync("control/consumers/oauth-consent", new { consumer_id = consumerId, appid = appId, scope });
        return consent.Text("code");
    }

    private static Task<JsonElement> ExchangeAsync(SandboxHost host, AuthorizedAccount account, string code, string componentToken) =>
        host.Client.GetJsonAsync(
            $"wechat/sns/oauth2/component/access_token?appid={account.AppId}&code={code}&grant_type=authorization_code" +
            $"&component_appid={SandboxHost.ComponentAppId}&component_access_token={componentToken}");

    private static Task<JsonElement> UserInfoAsync(SandboxHost host, JsonElement token) =>
        host.Client.GetJsonAsync($"wechat/sns/userinfo?access_token={token.Text("access_token")}&openid={token.Text("openid")}&lang=zh_CN");
}
