using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Wechat.OpenPlatform;
using WeLink.Wechat.WeCom;

namespace WeLink.Sandbox.Tests.Clients;

/// <summary>
/// The links WeLink builds, opened on the sandbox's copies of the platform pages: a page that accepts a link
/// and redirects back with a code proves the link's host, path and parameters.
/// </summary>
public sealed class PageLinkTests : IDisposable
{
    private static readonly Uri RedirectUri = new("https://welink.example.com/callback?from=test");
    private readonly SharedState _shared = new();
    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false });

    [Fact]
    public async Task The_PC_authorization_link_opens_the_page_and_its_approval_returns_a_code_WeLink_redeems()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        var account = host.DealerAccount();
        await using var node = WelinkNode.Start(host, _shared);
        var preAuth = await node.Get<ComponentClient>().CreatePreAuthCodeAsync(CancellationToken.None);

        var page = await _browser.GetStringAsync(
            node.Get<ComponentPageUrls>().PcAuthorization(preAuth.PreAuthCode, RedirectUri, ComponentAuthType.OfficialAccount));
        using var approval = await _browser.PostAsync(
            new Uri(host.BaseAddress, "mp/cgi-bin/componentloginpage/approve"),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["appid"] = account.AppId,
                ["pre_auth_code"] = preAuth.PreAuthCode,
                ["redirect_uri"] = RedirectUri.AbsoluteUri,
            }));
        var authCode = QueryValue(approval.Headers.Location!, "auth_code");
        var auth = await node.Get<ComponentClient>().QueryAuthAsync(authCode, CancellationToken.None);

        Assert.Contains(account.Nickname, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Club", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, approval.StatusCode);
        Assert.StartsWith("https://welink.example.com/callback?from=test&auth_code=", approval.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(account.AppId, auth.AuthorizationInfo.AuthorizerAppid);
    }

    [Fact]
    public async Task The_mobile_link_restricted_to_one_account_offers_only_that_account()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        var accounts = host.World().Snapshot().Accounts;
        await using var node = WelinkNode.Start(host, _shared);
        var preAuth = await node.Get<ComponentClient>().CreatePreAuthCodeAsync(CancellationToken.None);

        var page = await _browser.GetStringAsync(node.Get<ComponentPageUrls>().MobileAuthorization(
            preAuth.PreAuthCode, RedirectUri, ComponentAuthType.OfficialAccount, accounts[1].AppId));

        Assert.Contains(accounts[1].Nickname, page, StringComparison.Ordinal);
        Assert.DoesNotContain(accounts[0].Nickname, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_install_link_opens_the_page_and_its_approval_returns_the_code_and_state()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverSuiteTicketAsync(_shared);
        var corp = host.DealerCorp().Corp;
        await using var node = WelinkNode.Start(host, _shared);
        var preAuth = await node.Get<SuiteClient>().GetPreAuthCodeAsync(CancellationToken.None);

        var page = await _browser.GetStringAsync(node.Get<SuitePageUrls>().Install(preAuth.PreAuthCode, RedirectUri, "dealer42"));
        using var approval = await _browser.PostAsync(
            new Uri(host.BaseAddress, "wecom-open/3rdapp/install/approve"),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["corpid"] = corp.CorpId,
                ["pre_auth_code"] = preAuth.PreAuthCode,
                ["redirect_uri"] = RedirectUri.AbsoluteUri,
                ["state"] = "dealer42",
            }));
        var permanent = await node.Get<SuiteClient>().GetPermanentCodeV2Async(
            QueryValue(approval.Headers.Location!, "auth_code"), CancellationToken.None);

        Assert.Contains(corp.Name, page, StringComparison.Ordinal);
        Assert.Equal("dealer42", QueryValue(approval.Headers.Location!, "state"));
        Assert.Equal(corp.CorpId, permanent.AuthCorpInfo.Corpid);
    }

    [Fact]
    public async Task The_consumer_OAuth_link_returns_a_code_that_gives_the_consumers_openid()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        await host.AuthorizeDealerAccountAsync(_shared);
        var appId = host.DealerAccount().AppId;
        var consumer = host.World().Snapshot().Consumers[2].Consumer;
        await using var node = WelinkNode.Start(host, _shared);

        var link = node.Get<ComponentPageUrls>().ConsumerOAuth(appId, RedirectUri, ConsumerOAuthScope.SnsapiBase, "card");
        using var redirect = await _browser.GetAsync(ActingAs(link, consumer.Id));
        var signIn = await node.Get<ComponentClient>().ExchangeConsumerOAuthCodeAsync(
            appId, QueryValue(redirect.Headers.Location!, "code"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("card", QueryValue(redirect.Headers.Location!, "state"));
        Assert.Equal(appId, QueryValue(redirect.Headers.Location!, "appid"));
        Assert.Equal(host.World().IdentityOf(appId, consumer.Id).OpenId, signIn.Openid);
        Assert.Equal("snsapi_base", signIn.Scope);
    }

    [Fact]
    public async Task The_staff_OAuth_link_returns_a_code_that_names_the_member()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverSuiteTicketAsync(_shared);
        await host.InstallDealerCorpAsync(_shared);
        var corp = host.DealerCorp();
        await using var node = WelinkNode.Start(host, _shared);

        var link = node.Get<SuitePageUrls>().StaffOAuth(RedirectUri, StaffOAuthScope.SnsapiBase, "cases");
        using var redirect = await _browser.GetAsync(ActingAs(link, corp.Staff[1].UserId));
        var identity = await node.Get<SuiteClient>().GetUserInfo3rdAsync(QueryValue(redirect.Headers.Location!, "code"), CancellationToken.None);

        Assert.Equal("cases", QueryValue(redirect.Headers.Location!, "state"));
        Assert.Equal(corp.Corp.CorpId, identity.Corpid);
        Assert.Equal(corp.Staff[1].UserId, identity.Userid);
    }

    public void Dispose() => _browser.Dispose();

    /// <summary>The sandbox page's shortcut for "this person taps allow", added before the #wechat_redirect fragment.</summary>
    private static Uri ActingAs(Uri link, string actor) =>
        new UriBuilder(link) { Query = link.Query.TrimStart('?') + "&sandbox_as=" + Uri.EscapeDataString(actor) }.Uri;

    private static string QueryValue(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&')
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0] == name)
            .Select(pair => Uri.UnescapeDataString(pair[1]))
            .Single();
}
