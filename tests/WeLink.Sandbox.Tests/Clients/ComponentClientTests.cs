using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Wechat.Http;
using WeLink.Wechat.OpenPlatform;
using WeLink.Wechat.Tokens;

namespace WeLink.Sandbox.Tests.Clients;

public sealed class ComponentClientTests
{
    private readonly SharedState _shared = new();

    [Fact]
    public async Task The_component_token_is_bought_once_with_the_stored_ticket_and_reused()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        await using var node = WelinkNode.Start(host, _shared);
        var client = node.Get<ComponentClient>();

        var first = await client.CreatePreAuthCodeAsync(CancellationToken.None);
        var second = await client.CreatePreAuthCodeAsync(CancellationToken.None);

        Assert.StartsWith("preauthcode@@@", first.PreAuthCode, StringComparison.Ordinal);
        Assert.NotEqual(first.PreAuthCode, second.PreAuthCode);
        Assert.Equal(600, first.ExpiresIn);
        Assert.Equal(1, _shared.Wire.Count("/cgi-bin/component/api_component_token"));
        Assert.Equal(2, _shared.Wire.Count("/cgi-bin/component/api_create_preauthcode"));
    }

    [Fact]
    public async Task Without_a_stored_ticket_no_call_is_made_and_the_error_says_why()
    {
        await using var host = await SandboxHost.StartAsync();
        await using var node = WelinkNode.Start(host, _shared);

        var failure = await Assert.ThrowsAsync<MissingPlatformTicketException>(
            () => node.Get<ComponentClient>().CreatePreAuthCodeAsync(CancellationToken.None));

        Assert.Equal(PlatformTicket.ComponentVerifyTicket, failure.Ticket);
        Assert.Equal(SandboxHost.ComponentAppId, failure.OwnerId);
        Assert.Contains("No component_verify_ticket is stored for component " + SandboxHost.ComponentAppId, failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, _shared.Wire.Count("/cgi-bin/component/api_component_token"));
    }

    [Fact]
    public async Task A_refusal_becomes_WechatApiException_with_errcode_and_path_and_no_secret_in_message_or_logs()
    {
        const string wrongSecret = "wrong-component-secret-0042";
        await using var host = await SandboxHost.StartAsync();
        var ticket = await host.DeliverComponentTicketAsync(_shared);
        await using var node = WelinkNode.Start(host, _shared, new Dictionary<string, string?> { ["WeChat:Component:AppSecret"] = wrongSecret });

        var failure = await Assert.ThrowsAsync<WechatApiException>(
            () => node.Get<ComponentClient>().CreatePreAuthCodeAsync(CancellationToken.None));

        Assert.Equal(40125, failure.Errcode);
        Assert.Equal("/cgi-bin/component/api_component_token", failure.ApiPath);
        Assert.Equal("invalid appsecret", failure.Errmsg);
        Assert.DoesNotContain(wrongSecret, failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ticket, failure.ToString(), StringComparison.Ordinal);
        Assert.Contains(_shared.Logs.Lines, line => line.Contains("/cgi-bin/component/api_component_token answered errcode 40125", StringComparison.Ordinal));
        Assert.DoesNotContain(_shared.Logs.Lines, line => line.Contains(wrongSecret, StringComparison.Ordinal) || line.Contains(ticket, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_authorization_code_is_exchanged_for_the_accounts_refresh_token_and_permissions()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        var authorization = await host.AuthorizeDealerAccountAsync(_shared, storeRefreshToken: false);
        var code = host.Credentials().AuthorizationCodes.Issue(new AuthorizationGrant(authorization.AuthorizerAppId), TimeSpan.FromMinutes(10));
        await using var node = WelinkNode.Start(host, _shared);

        var answer = await node.Get<ComponentClient>().QueryAuthAsync(code, CancellationToken.None);

        Assert.Equal(authorization.AuthorizerAppId, answer.AuthorizationInfo.AuthorizerAppid);
        Assert.Equal(authorization.RefreshToken, answer.AuthorizationInfo.AuthorizerRefreshToken);
        Assert.Equal(7200, answer.AuthorizationInfo.ExpiresIn);
        Assert.Equal(GrantBook.DefaultFuncScopes, answer.AuthorizationInfo.FuncInfo.Select(f => f.FuncscopeCategory.Id));
        var reuse = await Assert.ThrowsAsync<WechatApiException>(() => node.Get<ComponentClient>().QueryAuthAsync(code, CancellationToken.None));
        Assert.Equal(61009, reuse.Errcode);
    }

    [Fact]
    public async Task Authorizer_info_and_the_authorizer_list_describe_the_authorized_account()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        var authorization = await host.AuthorizeDealerAccountAsync(_shared);
        var account = host.DealerAccount();
        await using var node = WelinkNode.Start(host, _shared);
        var client = node.Get<ComponentClient>();

        var info = await client.GetAuthorizerInfoAsync(account.AppId, CancellationToken.None);
        var list = await client.GetAuthorizerListAsync(0, 500, CancellationToken.None);

        Assert.Equal(account.Nickname, info.AuthorizerInfo.NickName);
        Assert.Equal(account.OriginalId, info.AuthorizerInfo.UserName);
        Assert.Equal(2, info.AuthorizerInfo.ServiceTypeInfo!.Id);
        Assert.Equal(account.AppId, info.AuthorizationInfo.AuthorizerAppid);
        Assert.Equal(1, list.TotalCount);
        Assert.Equal(authorization.RefreshToken, list.List.Single(item => item.AuthorizerAppid == account.AppId).RefreshToken);
    }
}
