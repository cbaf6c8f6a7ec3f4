using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Sandbox.World;
using WeLink.Wechat.Http;
using WeLink.Wechat.OpenPlatform;
using WeLink.Wechat.WeCom;

namespace WeLink.Sandbox.Tests.Clients;

/// <summary>The authorization, install and OAuth round trips as WeLink runs them, with the sandbox playing the people.</summary>
public sealed class OnboardingFlowTests
{
    private static readonly Uri RedirectUri = new("https://welink.example.com/onboarding/done");
    private readonly SharedState _shared = new();

    [Fact]
    public async Task A_dealer_admin_authorizes_through_the_link_and_WeLink_gets_the_refresh_token()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        var account = host.DealerAccount();
        await using var node = WelinkNode.Start(host, _shared);
        var component = node.Get<ComponentClient>();

        var preAuth = await component.CreatePreAuthCodeAsync(CancellationToken.None);
        var link = node.Get<ComponentPageUrls>().PcAuthorization(preAuth.PreAuthCode, RedirectUri, ComponentAuthType.OfficialAccount);
        var approval = host.People().ApproveComponent(preAuth.PreAuthCode, account.AppId);
        var auth = await component.QueryAuthAsync(approval.AuthCode, CancellationToken.None);

        Assert.Contains("pre_auth_code=" + Uri.EscapeDataString(preAuth.PreAuthCode), link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("authorized", approval.InfoType);
        Assert.Equal(account.AppId, auth.AuthorizationInfo.AuthorizerAppid);
        Assert.Equal(host.Credentials().Grants.FindAuthorization(account.AppId)!.RefreshToken, auth.AuthorizationInfo.AuthorizerRefreshToken);
    }

    [Fact]
    public async Task A_corp_admin_installs_through_the_link_and_WeLink_gets_the_permanent_code_and_state()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverSuiteTicketAsync(_shared);
        var corpId = host.DealerCorp().Corp.CorpId;
        await using var node = WelinkNode.Start(host, _shared);
        var suite = node.Get<SuiteClient>();

        var preAuth = await suite.GetPreAuthCodeAsync(CancellationToken.None);
        await suite.SetSessionInfoAsync(preAuth.PreAuthCode, testInstall: true, CancellationToken.None);
        var link = node.Get<SuitePageUrls>().Install(preAuth.PreAuthCode, RedirectUri, "dealer42");
        var approval = host.People().ApproveInstall(preAuth.PreAuthCode, corpId, "dealer42");
        var permanent = await suite.GetPermanentCodeV2Async(approval.AuthCode, CancellationToken.None);

        Assert.Contains("state=dealer42", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(corpId, permanent.AuthCorpInfo.Corpid);
        Assert.Equal("dealer42", permanent.State);
        Assert.Equal(host.Credentials().Grants.FindInstallation(corpId)!.PermanentCode, permanent.PermanentCode);
    }

    [Fact]
    public async Task A_consumer_signs_in_through_the_dealer_account_and_WeLink_reads_the_profile()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        await host.AuthorizeDealerAccountAsync(_shared);
        var appId = host.DealerAccount().AppId;
        var consumer = host.World().Snapshot().Consumers[0].Consumer;
        await using var node = WelinkNode.Start(host, _shared);
        var component = node.Get<ComponentClient>();

        var code = host.People().ConsentConsumer(consumer.Id, appId, "snsapi_userinfo");
        var signIn = await component.ExchangeConsumerOAuthCodeAsync(appId, code, CancellationToken.None);
        var renewed = await component.RefreshConsumerOAuthTokenAsync(appId, signIn.RefreshToken, CancellationToken.None);
        var profile = await component.GetConsumerUserInfoAsync(renewed.AccessToken, renewed.Openid, CancellationToken.None);

        Assert.Equal(host.World().IdentityOf(appId, consumer.Id).OpenId, signIn.Openid);
        Assert.Equal("snsapi_userinfo", signIn.Scope);
        Assert.Equal(signIn.Openid, renewed.Openid);
        Assert.Equal(consumer.Nickname, profile.Nickname);
        Assert.Equal(host.World().IdentityOf(appId, consumer.Id).UnionId, profile.Unionid);
    }

    [Fact]
    public async Task A_consumer_logs_in_to_the_authorized_mini_program_and_WeLink_learns_openid_and_unionid_once_per_code()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        var miniProgram = host.World().Snapshot().Accounts.First(account => account.Kind == AccountKind.MiniProgram);
        host.Credentials().Grants.Authorize(miniProgram.AppId);
        var consumer = host.World().Snapshot().Consumers[1].Consumer;
        await using var node = WelinkNode.Start(host, _shared);
        var component = node.Get<ComponentClient>();

        var (code, _) = host.MiniPrograms().LogIn(miniProgram.AppId, consumer.Nickname);
        var session = await component.ExchangeMiniProgramLoginCodeAsync(miniProgram.AppId, code, CancellationToken.None);
        var reused = await Assert.ThrowsAsync<WechatApiException>(
            () => component.ExchangeMiniProgramLoginCodeAsync(miniProgram.AppId, code, CancellationToken.None));

        var identity = host.World().IdentityOf(miniProgram.AppId, consumer.Id);
        Assert.Equal(identity.OpenId, session.Openid);
        Assert.Equal(identity.UnionId, session.Unionid);
        Assert.Equal(host.World().IdentityOf(host.DealerAccount().AppId, consumer.Id).UnionId, session.Unionid);
        Assert.NotEmpty(session.SessionKey);
        Assert.Equal(40163, reused.Errcode);
    }

    [Fact]
    public async Task A_staff_member_opens_the_app_and_WeLink_learns_corp_and_userid()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverSuiteTicketAsync(_shared);
        var corp = host.DealerCorp();
        await using var node = WelinkNode.Start(host, _shared);

        var code = host.People().OpenAppAsStaff(corp.Corp.CorpId, corp.Staff[2].UserId, "snsapi_base");
        var identity = await node.Get<SuiteClient>().GetUserInfo3rdAsync(code, CancellationToken.None);

        Assert.Equal(corp.Corp.CorpId, identity.Corpid);
        Assert.Equal(corp.Staff[2].UserId, identity.Userid);
        Assert.Null(identity.UserTicket);
    }
}
