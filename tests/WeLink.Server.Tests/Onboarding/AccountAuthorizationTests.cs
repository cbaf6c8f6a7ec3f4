using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Platform;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tests.Onboarding;

public abstract class AccountAuthorizationTests(DatabaseProvider provider)
{
    private const string Beijing = "Aurora Motors Beijing Dealer";

    /// <summary>Messages, users, web authorization and menus, but not 7 (template messages).</summary>
    private static readonly int[] WithoutTemplateMessages = [1, 2, 4, 15];

    [Fact]
    public async Task A_verified_service_account_authorized_through_the_pages_is_bound_with_its_refresh_token_encrypted()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync(AdminRoles.Dealer, scene.BrandId, scene.DealerA);
        var account = scene.Account(Beijing);

        var page = await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerA, account.AppId);

        Assert.Contains("data-result=\"Bound\"", page, StringComparison.Ordinal);
        var link = await scene.LinkAsync(scene.DealerA);
        Assert.Equal("Active", link.GetProperty("officialAccount").GetProperty("status").GetString());
        Assert.Equal(account.AppId, link.GetProperty("officialAccount").GetProperty("subjectId").GetString());
        Assert.False(link.GetProperty("linked").GetBoolean());
        Assert.Contains("企业微信", link.GetProperty("whyNotLinked").GetString(), StringComparison.Ordinal);
        var refreshToken = scene.Credentials.Grants.FindAuthorization(account.AppId)!.RefreshToken;
        Assert.Equal(refreshToken, await scene.Host.Services.GetRequiredService<PlatformSecretStore>().GetRefreshTokenAsync(account.AppId, CancellationToken.None));
        Assert.Equal(0, await scene.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM platform_secrets WHERE protected_value LIKE @token", new { token = "%" + refreshToken + "%" }));
        Assert.Equal("1,2,3,4,6,7,8,11,15,89", await scene.Database.ScalarAsync<string>("SELECT func_scopes FROM official_account_links"));
    }

    [Fact]
    public async Task The_mobile_link_leads_to_the_page_inside_WeChat_for_official_accounts_only()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();

        var page = await OnboardingPages.StartAuthorizationAsync(admin, scene.DealerA, "mobile");

        Assert.EndsWith("/sandbox/open/wxaopen/safe/bindcomponent", page.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("1", OnboardingScene.Query(page, "auth_type"));
        Assert.StartsWith(new Uri(scene.Host.BaseAddress, "/onboarding/official-account/authorized?dealer=").AbsoluteUri,
            OnboardingScene.Query(page, "redirect_uri"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscription_account_is_refused_and_the_dealer_shows_why()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();

        var page = await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerA, scene.Account("Aurora Motors News").AppId);

        Assert.Contains("data-result=\"Refused\"", page, StringComparison.Ordinal);
        Assert.Contains("是订阅号", page, StringComparison.Ordinal);
        var side = (await scene.LinkAsync(scene.DealerA)).GetProperty("officialAccount");
        Assert.Equal("Refused", side.GetProperty("status").GetString());
        Assert.Contains("是订阅号", side.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM official_account_links"));
    }

    [Fact]
    public async Task An_account_already_bound_to_another_dealer_is_refused_and_stays_with_its_dealer()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var account = scene.Account(Beijing);
        await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerA, account.AppId);

        var page = await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerB, account.AppId);

        Assert.Contains("已关联到另一家经销商", page, StringComparison.Ordinal);
        Assert.Equal("Refused", (await scene.LinkAsync(scene.DealerB)).GetProperty("officialAccount").GetProperty("status").GetString());
        Assert.Equal("Active", (await scene.LinkAsync(scene.DealerA)).GetProperty("officialAccount").GetProperty("status").GetString());
        Assert.Equal(
            scene.Credentials.Grants.FindAuthorization(account.AppId)!.RefreshToken,
            await scene.Host.Services.GetRequiredService<PlatformSecretStore>().GetRefreshTokenAsync(account.AppId, CancellationToken.None));
    }

    [Fact]
    public async Task An_account_that_unticks_a_needed_permission_set_is_refused_naming_it()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var page = await OnboardingPages.StartAuthorizationAsync(admin, scene.DealerA);

        var approval = await scene.ControlAsync("component/approve", new
        {
            pre_auth_code = OnboardingScene.Query(page, "pre_auth_code"),
            appid = scene.Account(Beijing).AppId,
            func_scopes = WithoutTemplateMessages,
        });
        var redirect = OnboardingScene.Query(page, "redirect_uri") + "&auth_code=" + approval.GetProperty("auth_code").GetString();
        var result = await admin.GetStringAsync(new Uri(redirect));

        Assert.Contains("data-result=\"Refused\"", result, StringComparison.Ordinal);
        Assert.Contains("群发与通知（模板消息）（7）", result, StringComparison.Ordinal);
        Assert.DoesNotContain("message management", result, StringComparison.Ordinal);
        Assert.Equal("Refused", (await scene.LinkAsync(scene.DealerA)).GetProperty("officialAccount").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unauthorized_suspends_keeping_the_link_and_authorizing_the_same_account_again_restores_it()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var account = scene.Account(Beijing);
        await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerA, account.AppId);

        var revoked = await scene.ControlAsync("component/unauthorize", new { appid = account.AppId });
        await scene.DeliverAsync(revoked.GetProperty("push_id").GetInt64());
        var suspended = (await scene.LinkAsync(scene.DealerA)).GetProperty("officialAccount");
        var page = await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerA, account.AppId);
        var restored = (await scene.LinkAsync(scene.DealerA)).GetProperty("officialAccount");

        Assert.Equal("Suspended", suspended.GetProperty("status").GetString());
        Assert.Contains("取消了对 WeLink 的授权", suspended.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("data-result=\"Bound\"", page, StringComparison.Ordinal);
        Assert.Equal("Active", restored.GetProperty("status").GetString());
        Assert.Equal(1, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM official_account_links"));
    }

    [Fact]
    public async Task Updateauthorized_removing_a_needed_permission_set_suspends_the_link_until_it_is_granted_again()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var account = scene.Account(Beijing);
        await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerA, account.AppId);
        var page = await OnboardingPages.StartAuthorizationAsync(admin, scene.DealerA);

        var narrowed = await scene.ControlAsync("component/approve", new
        {
            pre_auth_code = OnboardingScene.Query(page, "pre_auth_code"),
            appid = account.AppId,
            func_scopes = WithoutTemplateMessages,
        });
        await scene.DeliverAsync(narrowed.GetProperty("push_id").GetInt64());
        var directory = scene.Host.Services.GetRequiredService<IDealerDirectory>();
        var whileNarrowed = await directory.FindByAuthorizerAppIdAsync(account.AppId, CancellationToken.None);
        var side = (await scene.LinkAsync(scene.DealerA)).GetProperty("officialAccount");
        await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerA, account.AppId);

        Assert.Equal("updateauthorized", narrowed.GetProperty("info_type").GetString());
        Assert.False(whileNarrowed!.LinkActive);
        Assert.NotEqual("Active", side.GetProperty("status").GetString());
        Assert.Contains("（7）", side.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True((await directory.FindByAuthorizerAppIdAsync(account.AppId, CancellationToken.None))!.LinkActive);
    }

    [Fact]
    public async Task The_redirect_and_the_authorized_push_racing_with_one_code_bind_once()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var page = await OnboardingPages.StartAuthorizationAsync(admin, scene.DealerA);
        var approval = await scene.ControlAsync("component/approve", new
        {
            pre_auth_code = OnboardingScene.Query(page, "pre_auth_code"),
            appid = scene.Account(Beijing).AppId,
        });
        var redirect = new Uri(OnboardingScene.Query(page, "redirect_uri") + "&auth_code=" + approval.GetProperty("auth_code").GetString());

        // The code is single use: a second api_query_auth would fail (61009) and surface as an error on one side.
        var browser = admin.GetStringAsync(redirect);
        var push = scene.DeliverAsync(approval.GetProperty("push_id").GetInt64());
        await Task.WhenAll(browser, push);

        Assert.Contains("data-result=\"Bound\"", await browser, StringComparison.Ordinal);
        Assert.Equal(1, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM official_account_links WHERE status = 'active'"));
        Assert.Equal(1, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM onboarding_grants WHERE outcome = 'bound'"));
    }

    [Fact]
    public async Task The_authorized_push_alone_binds_the_dealer_that_asked_for_the_pre_auth_code()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var page = await OnboardingPages.StartAuthorizationAsync(admin, scene.DealerB);
        var approval = await scene.ControlAsync("component/approve", new
        {
            pre_auth_code = OnboardingScene.Query(page, "pre_auth_code"),
            appid = scene.Account(Beijing).AppId,
        });

        await scene.DeliverAsync(approval.GetProperty("push_id").GetInt64());
        await scene.DeliverAsync(approval.GetProperty("push_id").GetInt64());

        Assert.Equal("Active", (await scene.LinkAsync(scene.DealerB)).GetProperty("officialAccount").GetProperty("status").GetString());
        Assert.Equal("NotStarted", (await scene.LinkAsync(scene.DealerA)).GetProperty("officialAccount").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_forged_dealer_in_the_redirect_is_refused_without_touching_any_dealer()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();

        var page = await admin.GetStringAsync(new Uri(
            $"/onboarding/official-account/authorized?dealer={scene.DealerA:N}&auth_code=queryauthcode@@@forged", UriKind.Relative));

        Assert.Contains("不是 WeLink 发出的", page, StringComparison.Ordinal);
        Assert.Equal(0, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM onboarding_grants"));
    }

    [Fact]
    public async Task Admins_start_authorizations_only_for_approved_dealers_they_reach()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var otherDealer = await scene.AdminAsync(AdminRoles.Dealer, scene.BrandId, scene.DealerB);
        using var otherBrand = await scene.AdminAsync(AdminRoles.Hq, Guid.NewGuid());
        using var hq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId);
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = scene.Host.BaseAddress };
        var path = new Uri($"/onboarding/dealers/{scene.DealerA}/official-account/authorize", UriKind.Relative);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await otherDealer.GetAsync(path)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await otherBrand.GetAsync(path)).StatusCode);
        Assert.StartsWith("/admin/login", (await anonymous.GetAsync(path)).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Conflict,
            (await hq.GetAsync(new Uri($"/onboarding/dealers/{scene.PendingDealer}/official-account/authorize", UriKind.Relative))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await hq.GetAsync(path)).StatusCode);
    }
}

public sealed class AccountAuthorizationTests_on_Sqlite() : AccountAuthorizationTests(DatabaseProvider.Sqlite);

public sealed class AccountAuthorizationTests_on_Postgres() : AccountAuthorizationTests(DatabaseProvider.Postgres);
