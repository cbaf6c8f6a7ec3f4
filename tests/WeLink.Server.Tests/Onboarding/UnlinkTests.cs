using System.Net;
using WeLink.Sandbox.World;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tests.Admin;
using WeLink.Server.Tests.Callbacks;

namespace WeLink.Server.Tests.Onboarding;

/// <summary>
/// HQ unlinks one side of a dealer on the dealer's portal page (a form with its antiforgery token and a ticked
/// confirmation), audited; re-authorizing that side then links afresh, where before it was refused as already linked.
/// </summary>
public abstract class UnlinkTests(DatabaseProvider provider)
{
    private const string Beijing = "Aurora Motors Beijing Dealer";

    [Fact]
    public async Task An_hq_admin_unlinks_a_dealers_account_on_its_page_and_another_dealer_then_links_that_account_afresh()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var account = scene.Account(Beijing);
        await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerA, account.AppId);
        Assert.Contains("已关联到另一家经销商", await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerB, account.AppId), StringComparison.Ordinal);
        using var hq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId);
        var dealerPage = $"/admin/dealers/{scene.DealerA}";
        var token = PortalForm.TokenIn(await hq.GetStringAsync(new Uri(dealerPage, UriKind.Relative)));

        var unconfirmed = await PostAsync(hq, $"{dealerPage}?handler=Unlink&side=official-account", (PortalForm.TokenField, token));
        var stillLinked = await scene.LinkAsync(scene.DealerA);
        var confirmed = await PostAsync(hq, $"{dealerPage}?handler=Unlink&side=official-account", (PortalForm.TokenField, token), ("confirm", "true"));
        var unlinked = await scene.LinkAsync(scene.DealerA);
        var relinked = await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerB, account.AppId);

        Assert.Equal(HttpStatusCode.Redirect, unconfirmed.StatusCode);
        Assert.Equal("Active", stillLinked.GetProperty("officialAccount").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("NotStarted", unlinked.GetProperty("officialAccount").GetProperty("status").GetString());
        Assert.DoesNotContain("data-unlink=\"official-account\"", await hq.GetStringAsync(new Uri(dealerPage, UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("data-result=\"Bound\"", relinked, StringComparison.Ordinal);
        var moved = (await scene.LinkAsync(scene.DealerB)).GetProperty("officialAccount");
        Assert.Equal(("Active", account.AppId), (moved.GetProperty("status").GetString(), moved.GetProperty("subjectId").GetString()));
        var audited = Assert.Single(await scene.Database.QueryAsync<(string Outcome, string Detail)>(
            "SELECT outcome, detail FROM audit_log WHERE action = 'dealer.unlink' AND target_id = @dealer AND brand_id = @brand",
            new { dealer = scene.DealerA.ToString(), brand = scene.BrandId }));
        Assert.Equal(("succeeded", $"official_account: {account.Nickname} ({account.AppId})"), audited);
    }

    [Fact]
    public async Task A_push_to_an_account_just_unlinked_is_refused_at_once_and_stores_nothing()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var account = scene.Account(Beijing);
        await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerA, account.AppId);
        using var hq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId);
        var dealerPage = $"/admin/dealers/{scene.DealerA}";
        var token = PortalForm.TokenIn(await hq.GetStringAsync(new Uri(dealerPage, UriKind.Relative)));

        // The first push is accepted, and with it the account's original id is held in memory.
        using var whileLinked = await PushAsync(scene, account);
        var storedWhileLinked = await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM inbox");
        var unlink = await PostAsync(hq, $"{dealerPage}?handler=Unlink&side=official-account", (PortalForm.TokenField, token), ("confirm", "true"));
        using var afterUnlink = await PushAsync(scene, account);

        Assert.Equal(HttpStatusCode.OK, whileLinked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unlink.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, afterUnlink.StatusCode);
        Assert.Equal(storedWhileLinked, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM inbox"));
    }

    [Fact]
    public async Task A_dealer_admin_cannot_unlink_and_a_corp_hq_unlinked_installs_afresh_while_an_unknown_side_is_a_bad_request()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var corp = scene.Corp("Aurora Beijing Dealer");
        await OnboardingPages.InstallThroughPagesAsync(admin, scene.DealerA, corp.CorpId);
        var dealerPage = $"/admin/dealers/{scene.DealerA}";
        using var dealerAdmin = await scene.AdminAsync(AdminRoles.Dealer, scene.BrandId, scene.DealerA);
        var ownPage = await dealerAdmin.GetStringAsync(new Uri(dealerPage, UriKind.Relative));
        using var hq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId);
        var token = PortalForm.TokenIn(await hq.GetStringAsync(new Uri(dealerPage, UriKind.Relative)));

        var byDealer = await PostAsync(dealerAdmin, $"{dealerPage}?handler=Unlink&side=wecom", (PortalForm.TokenField, PortalForm.TokenIn(ownPage)), ("confirm", "true"));
        var unknownSide = await PostAsync(hq, $"{dealerPage}?handler=Unlink&side=mini-program", (PortalForm.TokenField, token), ("confirm", "true"));
        var stillLinked = await scene.LinkAsync(scene.DealerA);
        var byHq = await PostAsync(hq, $"{dealerPage}?handler=Unlink&side=wecom", (PortalForm.TokenField, token), ("confirm", "true"));
        var unlinked = await scene.LinkAsync(scene.DealerA);
        var reinstalled = await OnboardingPages.InstallThroughPagesAsync(admin, scene.DealerA, corp.CorpId);

        Assert.DoesNotContain("data-unlink=", ownPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byDealer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownSide.StatusCode);
        Assert.Equal("Active", stillLinked.GetProperty("weCom").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Redirect, byHq.StatusCode);
        Assert.Equal("NotStarted", unlinked.GetProperty("weCom").GetProperty("status").GetString());
        Assert.Contains("data-result=\"Bound\"", reinstalled, StringComparison.Ordinal);
        Assert.Equal("Active", (await scene.LinkAsync(scene.DealerA)).GetProperty("weCom").GetProperty("status").GetString());
        Assert.Equal(1, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'dealer.unlink'"));
    }

    /// <summary>A follower's genuine text message to the account, sealed as WeChat seals it, at the account's URL.</summary>
    private static Task<HttpResponseMessage> PushAsync(OnboardingScene scene, OfficialAccount account)
    {
        var now = DateTimeOffset.UtcNow;
        var message = SignedPush.TextMessage("你好", SignedPush.NextMsgId(), now, account.OriginalId);
        return SignedPush.ToAccount(account.AppId, message, now).PostAsync(scene.Host.Http);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, params (string Name, string Value)[] fields) =>
        browser.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
}

public sealed class UnlinkTests_on_Sqlite() : UnlinkTests(DatabaseProvider.Sqlite);

public sealed class UnlinkTests_on_Postgres() : UnlinkTests(DatabaseProvider.Postgres);
