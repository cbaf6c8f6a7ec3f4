using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.World;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Platform;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tests.Onboarding;

/// <summary>
/// HQ authorizes the brand's mini program from the brand page: the component flow in its mini-program variant, through
/// the sandbox's WeChat pages over real HTTP, on both databases.
/// </summary>
public abstract class MiniProgramAuthorizationTests(DatabaseProvider provider)
{
    private const string Club = "Aurora Motors Club";
    private const string HqEmail = "hq@aurora.test";

    [Fact]
    public async Task HQ_authorizes_the_seeded_mini_program_by_clicking_and_the_brand_page_shows_it_audited_in_their_name()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var hq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId, email: HqEmail);
        var club = scene.Account(Club);

        var wechatPage = await hq.GetStringAsync(await OnboardingPages.StartMiniProgramAuthorizationAsync(hq, scene.BrandId));
        var result = await OnboardingPages.AuthorizeMiniProgramThroughPagesAsync(hq, scene.BrandId, club.AppId);

        Assert.Contains(Club, wechatPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Aurora Motors Beijing Dealer", wechatPage, StringComparison.Ordinal);
        Assert.Contains("data-result=\"Bound\"", result, StringComparison.Ordinal);
        Assert.Contains($"小程序「{Club}」已关联到本品牌", result, StringComparison.Ordinal);
        var linked = await MiniProgramOfAsync(scene, scene.BrandId);
        Assert.Equal((club.AppId, Club, club.OriginalId, true), (linked!.AppId, linked.NickName, linked.OriginalId, linked.Active));
        Assert.Equal(
            scene.Credentials.Grants.FindAuthorization(club.AppId)!.RefreshToken,
            await scene.Host.Services.GetRequiredService<PlatformSecretStore>().GetRefreshTokenAsync(club.AppId, CancellationToken.None));
        var brandPage = await hq.GetStringAsync(BrandPage(scene.BrandId));
        Assert.Contains($"data-miniprogram=\"{club.AppId}\" data-status=\"active\"", brandPage, StringComparison.Ordinal);
        Assert.Contains(Club, brandPage, StringComparison.Ordinal);
        Assert.Contains("已授权", brandPage, StringComparison.Ordinal);
        Assert.Contains(linked.UpdatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), brandPage, StringComparison.Ordinal);
        Assert.Equal(
            (HqEmail, "succeeded"),
            Assert.Single(await scene.Database.QueryAsync<(string, string)>(
                "SELECT actor_email, outcome FROM audit_log WHERE action = 'brand.miniprogram.authorize' AND target_id = @appId AND brand_id = @brandId",
                new { appId = club.AppId, brandId = scene.BrandId })));
    }

    [Fact]
    public async Task The_link_asks_WeChat_for_mini_programs_only_and_only_HQ_of_the_brand_may_start_it()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var hq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId);
        using var dealerAdmin = await scene.AdminAsync(AdminRoles.Dealer, scene.BrandId, scene.DealerA);
        using var otherBrand = await scene.AdminAsync(AdminRoles.Hq, Guid.NewGuid());
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = scene.Host.BaseAddress };
        var path = new Uri($"/onboarding/brands/{scene.BrandId}/miniprogram/authorize", UriKind.Relative);

        var pc = await OnboardingPages.StartMiniProgramAuthorizationAsync(hq, scene.BrandId);
        var mobile = await OnboardingPages.StartMiniProgramAuthorizationAsync(hq, scene.BrandId, "mobile");

        Assert.Equal("2", OnboardingScene.Query(pc, "auth_type"));
        Assert.EndsWith("/sandbox/mp/cgi-bin/componentloginpage", pc.AbsolutePath, StringComparison.Ordinal);
        Assert.EndsWith("/sandbox/open/wxaopen/safe/bindcomponent", mobile.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("2", OnboardingScene.Query(mobile, "auth_type"));
        Assert.StartsWith(new Uri(scene.Host.BaseAddress, "/onboarding/miniprogram/authorized?grant=").AbsoluteUri,
            OnboardingScene.Query(pc, "redirect_uri"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await dealerAdmin.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrand.GetAsync(path)).StatusCode);
        Assert.StartsWith("/admin/login", (await anonymous.GetAsync(path)).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("authorize-miniprogram", await dealerAdmin.GetStringAsync(BrandPage(scene.BrandId)), StringComparison.Ordinal);
        Assert.Contains("尚未授权小程序", await dealerAdmin.GetStringAsync(BrandPage(scene.BrandId)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_official_account_picked_on_the_mini_program_link_is_refused_saying_so_and_nothing_is_linked()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var hq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId, email: HqEmail);
        var page = await OnboardingPages.StartMiniProgramAuthorizationAsync(hq, scene.BrandId);

        var result = await FollowApprovalAsync(scene, hq, page, scene.Account("Aurora Motors Beijing Dealer").AppId);

        Assert.Contains("data-result=\"Refused\"", result, StringComparison.Ordinal);
        Assert.Contains("「Aurora Motors Beijing Dealer」是公众号，不是小程序", result, StringComparison.Ordinal);
        Assert.Null(await MiniProgramOfAsync(scene, scene.BrandId));
        Assert.Equal(0, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM brand_miniprograms"));
        Assert.Equal(0, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM official_account_links"));
        Assert.Equal("refused", await scene.Database.ScalarAsync<string>(
            "SELECT outcome FROM audit_log WHERE action = 'brand.miniprogram.authorize'"));
    }

    [Fact]
    public async Task A_mini_program_picked_on_a_dealers_official_account_link_is_refused_and_the_dealer_stays_unlinked()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var page = await OnboardingPages.StartAuthorizationAsync(admin, scene.DealerA);

        var result = await FollowApprovalAsync(scene, admin, page, scene.Account(Club).AppId);

        Assert.Contains("data-result=\"Refused\"", result, StringComparison.Ordinal);
        Assert.Contains($"「{Club}」是小程序，不是公众号", result, StringComparison.Ordinal);
        Assert.Equal("Refused", (await scene.LinkAsync(scene.DealerA)).GetProperty("officialAccount").GetProperty("status").GetString());
        Assert.Equal(0, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM official_account_links"));
        Assert.Equal(0, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM brand_miniprograms"));
    }

    [Fact]
    public async Task A_mini_program_of_another_brand_is_refused_and_stays_with_its_brand()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        var borealis = await Seed.In(scene.Host.Services).Brand("Borealis");
        using var auroraHq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId);
        using var borealisHq = await scene.AdminAsync(AdminRoles.Hq, borealis.Id);
        var club = scene.Account(Club);
        await OnboardingPages.AuthorizeMiniProgramThroughPagesAsync(auroraHq, scene.BrandId, club.AppId);

        var result = await OnboardingPages.AuthorizeMiniProgramThroughPagesAsync(borealisHq, borealis.Id, club.AppId);

        Assert.Contains("data-result=\"Refused\"", result, StringComparison.Ordinal);
        Assert.Contains($"小程序「{Club}」已关联到另一个品牌", result, StringComparison.Ordinal);
        Assert.Null(await MiniProgramOfAsync(scene, borealis.Id));
        Assert.Equal(club.AppId, (await MiniProgramOfAsync(scene, scene.BrandId))!.AppId);
        Assert.Equal(
            scene.Credentials.Grants.FindAuthorization(club.AppId)!.RefreshToken,
            await scene.Host.Services.GetRequiredService<PlatformSecretStore>().GetRefreshTokenAsync(club.AppId, CancellationToken.None));
    }

    [Fact]
    public async Task A_brand_whose_mini_program_is_authorized_cannot_link_a_second_one()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var hq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId);
        var club = scene.Account(Club);
        var second = scene.World.AddAccount(club.OwnerId, "Aurora Motors Shop", AccountKind.MiniProgram, verified: true);
        await OnboardingPages.AuthorizeMiniProgramThroughPagesAsync(hq, scene.BrandId, club.AppId);

        var result = await OnboardingPages.AuthorizeMiniProgramThroughPagesAsync(hq, scene.BrandId, second.AppId);

        Assert.Contains("data-result=\"Refused\"", result, StringComparison.Ordinal);
        Assert.Contains($"本品牌已关联小程序「{Club}」", result, StringComparison.Ordinal);
        Assert.Equal(club.AppId, (await MiniProgramOfAsync(scene, scene.BrandId))!.AppId);
        Assert.Equal(1, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM brand_miniprograms"));
    }

    [Fact]
    public async Task Unauthorized_withdraws_the_mini_program_the_brand_page_says_so_sign_in_stops_and_authorizing_again_restores_it()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var hq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId);
        var club = scene.Account(Club);
        await OnboardingPages.AuthorizeMiniProgramThroughPagesAsync(hq, scene.BrandId, club.AppId);

        var revoked = await scene.ControlAsync("component/unauthorize", new { appid = club.AppId });
        await scene.DeliverAsync(revoked.GetProperty("push_id").GetInt64());
        var withdrawn = await MiniProgramOfAsync(scene, scene.BrandId);
        var brandPage = await hq.GetStringAsync(BrandPage(scene.BrandId));
        using var signIn = await scene.Host.Http.PostAsJsonAsync(
            new Uri("/api/consumer/miniprogram/sessions", UriKind.Relative), new { appId = club.AppId, code = "any-code" });
        var restored = await OnboardingPages.AuthorizeMiniProgramThroughPagesAsync(hq, scene.BrandId, club.AppId);

        Assert.False(withdrawn!.Active);
        Assert.Contains($"data-miniprogram=\"{club.AppId}\" data-status=\"withdrawn\"", brandPage, StringComparison.Ordinal);
        Assert.Contains("已取消授权", brandPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        Assert.Equal(("wechat", "succeeded"), Assert.Single(await scene.Database.QueryAsync<(string, string)>(
            "SELECT actor_email, outcome FROM audit_log WHERE action = 'brand.miniprogram.withdrawn'")));
        Assert.Contains("data-result=\"Bound\"", restored, StringComparison.Ordinal);
        Assert.True((await MiniProgramOfAsync(scene, scene.BrandId))!.Active);
        Assert.Equal(0, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM official_account_links"));
    }

    [Fact]
    public async Task The_authorized_push_alone_links_the_mini_program_when_the_browser_never_comes_back()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var hq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId);
        var club = scene.Account(Club);
        var page = await OnboardingPages.StartMiniProgramAuthorizationAsync(hq, scene.BrandId);

        var approval = await scene.ControlAsync("component/approve", new { pre_auth_code = OnboardingScene.Query(page, "pre_auth_code"), appid = club.AppId });
        await scene.DeliverAsync(approval.GetProperty("push_id").GetInt64());
        var late = await hq.GetStringAsync(new Uri(
            OnboardingScene.Query(page, "redirect_uri") + "&auth_code=" + approval.GetProperty("auth_code").GetString()));

        Assert.True((await MiniProgramOfAsync(scene, scene.BrandId))!.Active);
        Assert.Contains("data-result=\"Bound\"", late, StringComparison.Ordinal);
        Assert.Equal(1, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'brand.miniprogram.authorize'"));
    }

    [Fact]
    public async Task A_redirect_WeLink_did_not_issue_or_without_a_code_is_refused_in_Chinese_with_nothing_linked()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var hq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId);

        var forged = await hq.GetStringAsync(new Uri("/onboarding/miniprogram/authorized?grant=forged&auth_code=abc", UriKind.Relative));
        var page = await OnboardingPages.StartMiniProgramAuthorizationAsync(hq, scene.BrandId);
        var cancelled = await hq.GetStringAsync(new Uri(OnboardingScene.Query(page, "redirect_uri")));

        Assert.Contains("这个链接不是 WeLink 发出的", forged, StringComparison.Ordinal);
        Assert.Contains("微信没有返回授权码", cancelled, StringComparison.Ordinal);
        Assert.Equal(0, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM brand_miniprograms"));
    }

    private static Uri BrandPage(Guid brandId) => new($"/admin/brands/{brandId}/dealers", UriKind.Relative);

    private static Task<BrandMiniProgram?> MiniProgramOfAsync(OnboardingScene scene, Guid brandId) =>
        scene.Host.Services.GetRequiredService<IBrandMiniPrograms>().FindOfBrandAsync(brandId, CancellationToken.None);

    /// <summary>The person picks <paramref name="appId"/> for the link's pre-auth code (as a page offering both kinds would let them) and the browser comes back.</summary>
    private static async Task<string> FollowApprovalAsync(OnboardingScene scene, HttpClient browser, Uri page, string appId)
    {
        var approval = await scene.ControlAsync("component/approve", new { pre_auth_code = OnboardingScene.Query(page, "pre_auth_code"), appid = appId });
        return await browser.GetStringAsync(new Uri(OnboardingScene.Query(page, "redirect_uri") + "&auth_code=" + approval.GetProperty("auth_code").GetString()));
    }
}

public sealed class MiniProgramAuthorizationTests_on_Sqlite() : MiniProgramAuthorizationTests(DatabaseProvider.Sqlite);

public sealed class MiniProgramAuthorizationTests_on_Postgres() : MiniProgramAuthorizationTests(DatabaseProvider.Postgres);
