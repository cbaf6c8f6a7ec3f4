using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Wechat.Http;
using WeLink.Wechat.Tokens;
using WeLink.Wechat.WeCom;

namespace WeLink.Sandbox.Tests.Clients;

public sealed class SuiteClientTests
{
    private const string SuiteTokenApi = "/cgi-bin/service/get_suite_token";
    private readonly SharedState _shared = new();

    [Fact]
    public async Task A_pre_auth_code_is_made_ready_for_a_test_install()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverSuiteTicketAsync(_shared);
        await using var node = WelinkNode.Start(host, _shared);
        var client = node.Get<SuiteClient>();

        var preAuth = await client.GetPreAuthCodeAsync(CancellationToken.None);
        await client.SetSessionInfoAsync(preAuth.PreAuthCode, testInstall: true, CancellationToken.None);

        Assert.Equal(1200, preAuth.ExpiresIn);
        Assert.Equal(1, host.Credentials().SuitePreAuthCodes.Peek(preAuth.PreAuthCode)!.AuthType);
        Assert.Equal(1, _shared.Wire.Count(SuiteTokenApi));
    }

    [Fact]
    public async Task The_install_auth_code_gives_the_permanent_code_corp_and_agent_in_v1_and_v2()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverSuiteTicketAsync(_shared);
        var installation = await host.InstallDealerCorpAsync(_shared, storePermanentCode: false);
        var codes = host.Credentials().InstallCodes;
        await using var node = WelinkNode.Start(host, _shared);
        var client = node.Get<SuiteClient>();

        var v1 = await client.GetPermanentCodeAsync(
            codes.Issue(new InstallGrant(installation.CorpId, "dealer42"), TimeSpan.FromMinutes(10)), CancellationToken.None);
        var v2 = await client.GetPermanentCodeV2Async(
            codes.Issue(new InstallGrant(installation.CorpId, "dealer42"), TimeSpan.FromMinutes(10)), CancellationToken.None);
        var authInfo = await client.GetAuthInfoV2Async(installation.CorpId, v2.PermanentCode, CancellationToken.None);

        Assert.Equal(installation.PermanentCode, v1.PermanentCode);
        Assert.Equal(installation.CorpId, v1.AuthCorpInfo.Corpid);
        Assert.Equal(installation.AgentId, v1.AuthInfo!.Agent.Single().Agentid);
        Assert.True(host.Credentials().Tokens.Check(v1.AccessToken, TokenKind.CorpAccessToken).IsValid);
        Assert.Equal("dealer42", v1.State);
        Assert.Equal(installation.PermanentCode, v2.PermanentCode);
        Assert.Null(v2.AuthInfo);
        Assert.Equal(installation.AgentId, authInfo.AuthInfo.Agent.Single().Agentid);
    }

    [Fact]
    public async Task A_used_install_code_is_refused_with_40078()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverSuiteTicketAsync(_shared);
        var installation = await host.InstallDealerCorpAsync(_shared);
        var code = host.Credentials().InstallCodes.Issue(new InstallGrant(installation.CorpId, "s"), TimeSpan.FromMinutes(10));
        await using var node = WelinkNode.Start(host, _shared);
        await node.Get<SuiteClient>().GetPermanentCodeV2Async(code, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<WechatApiException>(
            () => node.Get<SuiteClient>().GetPermanentCodeV2Async(code, CancellationToken.None));

        Assert.Equal(40078, failure.Errcode);
        Assert.Equal("/cgi-bin/service/v2/get_permanent_code", failure.ApiPath);
    }

    [Fact]
    public async Task The_corp_token_comes_from_the_stored_permanent_code_and_works_at_the_platform()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverSuiteTicketAsync(_shared);
        var installation = await host.InstallDealerCorpAsync(_shared);
        await using var node = WelinkNode.Start(host, _shared);

        var token = await node.Get<CorpTokenProvider>().GetAsync(installation.CorpId, CancellationToken.None);
        var again = await node.Get<CorpTokenProvider>().GetAsync(installation.CorpId, CancellationToken.None);

        Assert.Equal(token, again);
        Assert.True(host.Credentials().Tokens.Check(token, TokenKind.CorpAccessToken).IsValid);
        Assert.Equal(1, _shared.Wire.Count("/cgi-bin/service/get_corp_token"));
    }

    [Fact]
    public async Task A_corp_without_a_stored_permanent_code_gives_a_clear_AuthorizationLostException()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverSuiteTicketAsync(_shared);
        var corpId = host.DealerCorp().Corp.CorpId;
        await using var node = WelinkNode.Start(host, _shared);

        var failure = await Assert.ThrowsAsync<AuthorizationLostException>(
            () => node.Get<CorpTokenProvider>().GetAsync(corpId, CancellationToken.None));

        Assert.Equal($"No permanent code is stored for corp {corpId}: its admin must install the WeLink app again.", failure.Message);
    }

    [Fact]
    public async Task A_staff_OAuth_code_names_the_member_and_its_user_ticket_gives_details_once_per_code()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverSuiteTicketAsync(_shared);
        var corp = host.DealerCorp();
        var member = corp.Staff[1];
        var code = host.Credentials().StaffOAuthCodes.Issue(
            new StaffOAuthGrant(corp.Corp.CorpId, member.UserId, "snsapi_privateinfo"), TimeSpan.FromMinutes(5));
        await using var node = WelinkNode.Start(host, _shared);
        var client = node.Get<SuiteClient>();

        var identity = await client.GetUserInfo3rdAsync(code, CancellationToken.None);
        var detail = await client.GetUserDetail3rdAsync(identity.UserTicket!, CancellationToken.None);
        var reuse = await Assert.ThrowsAsync<WechatApiException>(() => client.GetUserInfo3rdAsync(code, CancellationToken.None));

        Assert.Equal(corp.Corp.CorpId, identity.Corpid);
        Assert.Equal(member.UserId, identity.Userid);
        Assert.Equal(member.OpenUserId, identity.OpenUserid);
        Assert.Equal(member.UserId, detail.Userid);
        Assert.Equal(member.Mobile, detail.Mobile);
        Assert.Equal(40029, reuse.Errcode);
        Assert.DoesNotContain(code, reuse.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replaced_suite_token_answering_40082_is_refreshed_once_and_the_call_retried()
    {
        await using var host = await SandboxHost.StartAsync();
        var ticket = await host.DeliverSuiteTicketAsync(_shared);
        await using var node = WelinkNode.Start(host, _shared);
        var client = node.Get<SuiteClient>();
        await client.GetSuiteAccessTokenAsync(CancellationToken.None);
        Assert.Equal(0, (await host.RequestSuiteTokenAsync(ticket)).Errcode());
        host.Advance(TimeSpan.FromMinutes(5));

        var preAuth = await client.GetPreAuthCodeAsync(CancellationToken.None);

        Assert.NotEmpty(preAuth.PreAuthCode);
        Assert.Equal(2, _shared.Wire.Count(SuiteTokenApi));
        Assert.Equal(2, _shared.Wire.Count("/cgi-bin/service/get_pre_auth_code"));
    }
}
