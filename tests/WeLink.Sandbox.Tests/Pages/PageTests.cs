using System.Web;
using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Pages;

public sealed class PageTests
{
    private const string RedirectUri = "http://127.0.0.1:9/welink/callback?from=test";

    [Fact]
    public async Task The_component_page_offers_matching_accounts_and_approval_redirects_with_an_auth_code()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        var world = await WorldView.ReadAsync(host);
        var componentToken = await host.ComponentTokenAsync();
        var preAuth = (await host.Client.PostJsonAsync(
            $"wechat/cgi-bin/component/api_create_preauthcode?component_access_token={componentToken}",
            new { component_appid = SandboxHost.ComponentAppId })).Text("pre_auth_code");
        using var browser = Browser(host);

        var page = await browser.GetStringAsync(new Uri(
            $"mp/cgi-bin/componentloginpage?component_appid={SandboxHost.ComponentAppId}&pre_auth_code={preAuth}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&auth_type=1",
            UriKind.Relative));
        using var approval = await browser.PostAsync(new Uri("mp/cgi-bin/componentloginpage/approve", UriKind.Relative), Form(
            ("appid", world.VerifiedServiceAccount), ("pre_auth_code", preAuth), ("redirect_uri", RedirectUri)));

        Assert.Contains("Aurora Motors Beijing Dealer", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Aurora Motors Club", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, approval.StatusCode);
        var location = approval.Headers.Location!;
        Assert.StartsWith("http://127.0.0.1:9/welink/callback?from=test&auth_code=", location.ToString(), StringComparison.Ordinal);
        var parameters = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("600", parameters["expires_in"]);
        var query = await host.QueryAuthAsync(componentToken, parameters["auth_code"]!);
        Assert.Equal(world.VerifiedServiceAccount, query.GetProperty("authorization_info").Text("authorizer_appid"));
        await Poll.UntilAsync(() => receiver.Of("authorized").Count == 1, Deadline.Delivery, "authorized push 1");
    }

    [Fact]
    public async Task The_mini_program_link_offers_only_mini_programs_and_the_authorized_one_is_described_as_a_mini_program()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        var world = await WorldView.ReadAsync(host);
        var componentToken = await host.ComponentTokenAsync();
        var preAuth = (await host.Client.PostJsonAsync(
            $"wechat/cgi-bin/component/api_create_preauthcode?component_access_token={componentToken}",
            new { component_appid = SandboxHost.ComponentAppId })).Text("pre_auth_code");
        using var browser = Browser(host);

        var page = await browser.GetStringAsync(new Uri(
            $"mp/cgi-bin/componentloginpage?component_appid={SandboxHost.ComponentAppId}&pre_auth_code={preAuth}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&auth_type=2",
            UriKind.Relative));
        using var approval = await browser.PostAsync(new Uri("mp/cgi-bin/componentloginpage/approve", UriKind.Relative), Form(
            ("appid", world.MiniProgram), ("pre_auth_code", preAuth), ("redirect_uri", RedirectUri)));
        var query = await host.QueryAuthAsync(componentToken, HttpUtility.ParseQueryString(approval.Headers.Location!.Query)["auth_code"]!);
        var info = await host.Client.PostJsonAsync(
            $"wechat/cgi-bin/component/api_get_authorizer_info?component_access_token={componentToken}",
            new { component_appid = SandboxHost.ComponentAppId, authorizer_appid = world.MiniProgram });

        Assert.Contains("Pick the mini program to authorize", page, StringComparison.Ordinal);
        Assert.Contains("Aurora Motors Club", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Aurora Motors Beijing Dealer", page, StringComparison.Ordinal);
        Assert.Equal(world.MiniProgram, query.GetProperty("authorization_info").Text("authorizer_appid"));
        var miniProgram = info.GetProperty("authorizer_info").GetProperty("MiniProgramInfo");
        Assert.Equal("汽车服务", miniProgram.GetProperty("categories")[0].Text("first"));
        Assert.Equal(0, miniProgram.GetProperty("visit_status").GetInt32());
        await Poll.UntilAsync(() => receiver.Of("authorized").Count == 1, Deadline.Delivery, "authorized push for the mini program");
    }

    [Fact]
    public async Task The_install_page_redirects_with_auth_code_and_state_and_pushes_create_auth()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        var world = await WorldView.ReadAsync(host);
        var suiteToken = await host.SuiteTokenAsync();
        var preAuth = (await host.PreAuthCodeAsync(suiteToken)).Text("pre_auth_code");
        using var browser = Browser(host);

        var page = await browser.GetStringAsync(new Uri(
            $"wecom-open/3rdapp/install?suite_id={SandboxHost.SuiteId}&pre_auth_code={preAuth}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&state=dealer7",
            UriKind.Relative));
        using var approval = await browser.PostAsync(new Uri("wecom-open/3rdapp/install/approve", UriKind.Relative), Form(
            ("corpid", world.CorpId(0)), ("pre_auth_code", preAuth), ("redirect_uri", RedirectUri), ("state", "dealer7")));

        Assert.Contains("Aurora Beijing Dealer", page, StringComparison.Ordinal);
        var parameters = HttpUtility.ParseQueryString(approval.Headers.Location!.Query);
        Assert.Equal("dealer7", parameters["state"]);
        var permanent = await host.Client.PostJsonAsync(
            $"wecom/cgi-bin/service/get_permanent_code?suite_access_token={suiteToken}", new { auth_code = parameters["auth_code"] });
        Assert.Equal(world.CorpId(0), permanent.GetProperty("auth_corp_info").Text("corpid"));
        await Poll.UntilAsync(() => receiver.Of("create_auth").Count == 1, Deadline.Delivery, "create_auth push 1");
    }

    [Fact]
    public async Task The_consumer_oauth_page_redirects_with_code_state_and_appid_or_only_state_when_denied()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        using var browser = Browser(host);
        var authorize = $"open/connect/oauth2/authorize?appid={account.AppId}&redirect_uri={Uri.EscapeDataString(RedirectUri)}" +
            $"&response_type=code&scope=snsapi_userinfo&state=xyz&component_appid={SandboxHost.ComponentAppId}";

        var page = await browser.GetStringAsync(new Uri(authorize, UriKind.Relative));
        using var allowed = await browser.GetAsync(new Uri(authorize + "&sandbox_as=" + world.ConsumerId(0), UriKind.Relative));
        using var denied = await browser.PostAsync(new Uri("open/connect/oauth2/authorize/approve", UriKind.Relative), Form(
            ("appid", account.AppId), ("redirect_uri", RedirectUri), ("scope", "snsapi_userinfo"), ("state", "xyz"), ("actor", world.ConsumerId(0)), ("deny", "1")));

        Assert.Contains("Li Wei", page, StringComparison.Ordinal);
        var parameters = HttpUtility.ParseQueryString(allowed.Headers.Location!.Query);
        Assert.Equal("xyz", parameters["state"]);
        Assert.Equal(account.AppId, parameters["appid"]);
        var token = await host.Client.GetJsonAsync(
            $"wechat/sns/oauth2/component/access_token?appid={account.AppId}&code={parameters["code"]}&grant_type=authorization_code" +
            $"&component_appid={SandboxHost.ComponentAppId}&component_access_token={account.ComponentToken}");
        Assert.Equal("snsapi_userinfo", token.Text("scope"));
        Assert.Equal("?from=test&state=xyz", denied.Headers.Location!.Query);
    }

    [Fact]
    public async Task The_staff_oauth_page_lists_members_of_installed_corps_and_redirects_with_a_code()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var corp = await host.InstallCorpAsync(world.CorpId(0));
        using var browser = Browser(host);
        var authorize = $"open/connect/oauth2/authorize?appid={SandboxHost.SuiteId}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&response_type=code&scope=snsapi_base&state=s";

        var page = await browser.GetStringAsync(new Uri(authorize, UriKind.Relative));
        using var opened = await browser.GetAsync(new Uri(authorize + "&sandbox_as=" + world.StaffUserId(0, 1), UriKind.Relative));

        Assert.Contains("Liu Yang", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Zhou Min", page, StringComparison.Ordinal);
        var code = HttpUtility.ParseQueryString(opened.Headers.Location!.Query)["code"];
        var identity = await host.Client.GetJsonAsync($"wecom/cgi-bin/service/auth/getuserinfo3rd?suite_access_token={corp.SuiteToken}&code={code}");
        Assert.Equal(world.StaffUserId(0, 1), identity.Text("userid"));
    }

    [Fact]
    public async Task The_phones_page_lets_a_consumer_follow_an_account()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        using var browser = Browser(host);

        using var follow = await browser.PostAsync(new Uri("phones/act", UriKind.Relative), Form(
            ("action", "follow"), ("consumer_id", world.ConsumerId(0)), ("appid", world.VerifiedServiceAccount)));
        var page = await browser.GetStringAsync(new Uri("phones", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, follow.StatusCode);
        Assert.Contains("取消关注", page, StringComparison.Ordinal);
        Assert.Contains("Chen Jie", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_phones_page_offers_the_click_buttons_of_the_menu_welink_created()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        await host.Client.PostJsonAsync($"wechat/cgi-bin/menu/create?access_token={account.AccessToken}", new
        {
            button = new object[]
            {
                new { type = "click", name = "Book a test drive", key = "BOOK_TEST_DRIVE" },
                new { name = "More", sub_button = new[] { new { type = "click", name = "Complain", key = "COMPLAIN" } } },
            },
        });
        using var browser = Browser(host);

        var page = await browser.GetStringAsync(new Uri("phones", UriKind.Relative));
        using var tap = await browser.PostAsync(new Uri("phones/act", UriKind.Relative), Form(
            ("action", "press-menu"), ("consumer_id", world.ConsumerId(0)), ("appid", account.AppId), ("key", "COMPLAIN")));

        Assert.Contains("Book a test drive", page, StringComparison.Ordinal);
        Assert.Contains("COMPLAIN", page, StringComparison.Ordinal);
        await Poll.UntilAsync(() => receiver.Of("CLICK").Count == 1, Deadline.Delivery, "CLICK push 1");
        Assert.Contains("<EventKey><![CDATA[COMPLAIN]]></EventKey>", receiver.Of("CLICK")[0].Message, StringComparison.Ordinal);
    }

    private static HttpClient Browser(SandboxHost host) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = host.BaseAddress };

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
