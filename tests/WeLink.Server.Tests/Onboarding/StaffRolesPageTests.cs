using System.Net;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tests.Admin;

namespace WeLink.Server.Tests.Onboarding;

/// <summary>
/// A dealer admin gives the staff synced from WeCom their roles on the portal's staff page: one form per person, its
/// ticked boxes become the roles, audited like the API; another dealer's admin cannot reach the page, and a form without
/// its antiforgery token or for a person of another dealer changes nothing.
/// </summary>
public abstract class StaffRolesPageTests(DatabaseProvider provider)
{
    private const string Beijing = "Aurora Beijing Dealer";

    [Fact]
    public async Task A_dealer_admin_ticks_roles_for_a_synced_staff_member_and_the_page_shows_them_saved_and_audited()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var platform = await scene.AdminAsync();
        await OnboardingPages.InstallThroughPagesAsync(platform, scene.DealerA, scene.Corp(Beijing).CorpId);
        using var dealerAdmin = await scene.AdminAsync(AdminRoles.Dealer, scene.BrandId, scene.DealerA);
        var member = (await scene.StaffAsync(scene.DealerA))[0];
        var staffId = member.GetProperty("id").GetGuid();
        var page = $"/admin/dealers/{scene.DealerA}/staff";
        var before = await dealerAdmin.GetStringAsync(new Uri(page, UriKind.Relative));

        var saved = await PostAsync(
            dealerAdmin, page, PortalForm.TokenIn(before), staffId, ("roles", StaffRoles.ServiceAdvisor), ("roles", StaffRoles.ServiceManager));
        var after = await dealerAdmin.GetStringAsync(new Uri(page, UriKind.Relative));

        Assert.Contains(member.GetProperty("name").GetString()!, before, StringComparison.Ordinal);
        Assert.DoesNotContain("checked", RowOf(before, staffId), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("已保存", after, StringComparison.Ordinal);
        Assert.Contains("服务顾问、服务经理", after, StringComparison.Ordinal);
        var row = RowOf(after, staffId);
        Assert.Contains($"value=\"{StaffRoles.ServiceAdvisor}\" checked=\"checked\"", row, StringComparison.Ordinal);
        Assert.Contains($"value=\"{StaffRoles.ServiceManager}\" checked=\"checked\"", row, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{StaffRoles.GeneralManager}\" checked", row, StringComparison.Ordinal);
        var audited = Assert.Single(await scene.Database.QueryAsync<string>(
            "SELECT detail FROM audit_log WHERE action = 'staff.roles.set' AND target_id = @staff", new { staff = staffId.ToString() }));
        Assert.Equal($"roles: {StaffRoles.ServiceAdvisor}, {StaffRoles.ServiceManager}", audited);
    }

    [Fact]
    public async Task Saving_a_row_with_no_box_ticked_takes_every_role_away()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var platform = await scene.AdminAsync();
        await OnboardingPages.InstallThroughPagesAsync(platform, scene.DealerA, scene.Corp(Beijing).CorpId);
        using var dealerAdmin = await scene.AdminAsync(AdminRoles.Dealer, scene.BrandId, scene.DealerA);
        var staffId = (await scene.StaffAsync(scene.DealerA))[0].GetProperty("id").GetGuid();
        var page = $"/admin/dealers/{scene.DealerA}/staff";
        var token = PortalForm.TokenIn(await dealerAdmin.GetStringAsync(new Uri(page, UriKind.Relative)));
        await PostAsync(dealerAdmin, page, token, staffId, ("roles", StaffRoles.Consultant));

        await PostAsync(dealerAdmin, page, token, staffId);

        Assert.Contains("已取消", await dealerAdmin.GetStringAsync(new Uri(page, UriKind.Relative)), StringComparison.Ordinal);
        Assert.Empty(RolesOf(await scene.StaffAsync(scene.DealerA), staffId));
    }

    [Fact]
    public async Task Another_dealers_admin_gets_404_and_a_form_without_its_token_or_for_a_foreign_staff_member_changes_nothing()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var platform = await scene.AdminAsync();
        await OnboardingPages.InstallThroughPagesAsync(platform, scene.DealerA, scene.Corp(Beijing).CorpId);
        using var dealerAdmin = await scene.AdminAsync(AdminRoles.Dealer, scene.BrandId, scene.DealerA);
        using var otherDealerAdmin = await scene.AdminAsync(AdminRoles.Dealer, scene.BrandId, scene.DealerB);
        var staffId = (await scene.StaffAsync(scene.DealerA))[0].GetProperty("id").GetGuid();
        var pageA = $"/admin/dealers/{scene.DealerA}/staff";
        var pageB = $"/admin/dealers/{scene.DealerB}/staff";
        var tokenB = PortalForm.TokenIn(await otherDealerAdmin.GetStringAsync(new Uri(pageB, UriKind.Relative)));

        var foreignPage = await otherDealerAdmin.GetAsync(new Uri(pageA, UriKind.Relative));
        var foreignPost = await PostAsync(otherDealerAdmin, pageA, tokenB, staffId, ("roles", StaffRoles.GeneralManager));
        var viaOwnPage = await PostAsync(otherDealerAdmin, pageB, tokenB, staffId, ("roles", StaffRoles.GeneralManager));
        var withoutToken = await dealerAdmin.PostAsync(
            new Uri($"{pageA}?handler=Roles", UriKind.Relative),
            new FormUrlEncodedContent([new("staffId", staffId.ToString()), new("roles", StaffRoles.GeneralManager)]));

        Assert.Equal(HttpStatusCode.NotFound, foreignPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignPost.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, viaOwnPage.StatusCode);
        Assert.Contains("本经销商没有这名员工", await otherDealerAdmin.GetStringAsync(new Uri(pageB, UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Empty(RolesOf(await scene.StaffAsync(scene.DealerA), staffId));
    }

    private static string[] RolesOf(System.Text.Json.JsonElement staff, Guid staffId) =>
        [.. staff.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == staffId).GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)];

    /// <summary>The page's table row of one staff member.</summary>
    private static string RowOf(string html, Guid staffId)
    {
        var start = html.IndexOf($"data-staff=\"{staffId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page has no row for the staff member");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, string page, string token, Guid staffId, params (string Name, string Value)[] roles) =>
        browser.PostAsync(
            new Uri($"{page}?handler=Roles", UriKind.Relative),
            new FormUrlEncodedContent(
                [new(PortalForm.TokenField, token), new("staffId", staffId.ToString()), new("name", "林"), .. roles.Select(r => new KeyValuePair<string, string>(r.Name, r.Value))]));
}

public sealed class StaffRolesPageTests_on_Sqlite() : StaffRolesPageTests(DatabaseProvider.Sqlite);

public sealed class StaffRolesPageTests_on_Postgres() : StaffRolesPageTests(DatabaseProvider.Postgres);
