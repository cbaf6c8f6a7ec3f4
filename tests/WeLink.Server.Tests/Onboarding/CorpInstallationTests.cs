using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.Faults;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Platform;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tests.Onboarding;

public abstract class CorpInstallationTests(DatabaseProvider provider)
{
    private const string Beijing = "Aurora Beijing Dealer";
    private static readonly string[] ConsultantAndManager = [StaffRoles.Consultant, StaffRoles.ServiceManager];
    private static readonly string[] UnknownRole = ["owner"];
    private static readonly string[] GeneralManager = [StaffRoles.GeneralManager];

    [Fact]
    public async Task Installing_through_the_pages_binds_the_corp_and_its_visible_staff_become_staff_rows()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync(AdminRoles.Dealer, scene.BrandId, scene.DealerA);
        var corp = scene.Corp(Beijing);

        var page = await OnboardingPages.InstallThroughPagesAsync(admin, scene.DealerA, corp.CorpId);

        Assert.Contains("data-result=\"Bound\"", page, StringComparison.Ordinal);
        var side = (await scene.LinkAsync(scene.DealerA)).GetProperty("weCom");
        Assert.Equal("Active", side.GetProperty("status").GetString());
        Assert.Equal(corp.CorpId, side.GetProperty("subjectId").GetString());
        Assert.Equal(corp.AgentId, await scene.Database.ScalarAsync<long>("SELECT agent_id FROM wecom_links"));
        var staff = await scene.StaffAsync(scene.DealerA);
        Assert.Equal(
            scene.World.StaffOf(corp.CorpId).Select(s => s.Name).Order(),
            staff.EnumerateArray().Select(s => s.GetProperty("name").GetString()).Order());
        Assert.All(staff.EnumerateArray(), s => Assert.Equal("active", s.GetProperty("status").GetString()));
        Assert.Equal(
            scene.Credentials.Grants.FindInstallation(corp.CorpId)!.PermanentCode,
            await scene.Host.Services.GetRequiredService<PlatformSecretStore>().GetPermanentCodeAsync(corp.CorpId, CancellationToken.None));
    }

    [Fact]
    public async Task Install_links_use_the_configured_test_session_and_a_state_nonce_WeCom_accepts()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();

        var page = await OnboardingPages.StartInstallAsync(admin, scene.DealerA);
        var html = await admin.GetStringAsync(page);

        Assert.Contains("Test install (set_session_info auth_type 1)", html, StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9]{32}$", OnboardingScene.Query(page, "state"));
        Assert.Equal(new Uri(scene.Host.BaseAddress, "/onboarding/wecom/installed").AbsoluteUri, OnboardingScene.Query(page, "redirect_uri"));
    }

    [Fact]
    public async Task A_member_added_in_WeCom_becomes_staff_through_change_contact()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var corp = scene.Corp(Beijing);
        await OnboardingPages.InstallThroughPagesAsync(admin, scene.DealerA, corp.CorpId);

        var push = await scene.ControlAsync("pushes/change-contact", new { corpid = corp.CorpId, name = "Ma Jun", department_id = 3 });
        await scene.DeliverAsync(push.GetProperty("push_id").GetInt64());

        var staff = await scene.StaffAsync(scene.DealerA);
        Assert.Equal(5, staff.GetArrayLength());
        Assert.Contains(staff.EnumerateArray(), s => s.GetProperty("name").GetString() == "Ma Jun" && s.GetProperty("status").GetString() == "active");
    }

    [Fact]
    public async Task A_renamed_member_is_renamed_and_a_member_who_left_is_marked_left_not_deleted()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var corp = scene.Corp(Beijing);
        await OnboardingPages.InstallThroughPagesAsync(admin, scene.DealerA, corp.CorpId);
        var (renamed, leaving) = (scene.World.StaffOf(corp.CorpId)[1], scene.World.StaffOf(corp.CorpId)[2]);

        var update = await scene.ControlAsync("pushes/change-contact/update-user", new { corpid = corp.CorpId, userid = renamed.UserId, name = "Liu Yang (lead)" });
        await scene.DeliverAsync(update.GetProperty("push_id").GetInt64());
        var delete = await scene.ControlAsync("pushes/change-contact/delete-user", new { corpid = corp.CorpId, userid = leaving.UserId });
        await scene.DeliverAsync(delete.GetProperty("push_id").GetInt64());

        var staff = (await scene.StaffAsync(scene.DealerA)).EnumerateArray().ToDictionary(s => s.GetProperty("userId").GetString()!);
        Assert.Equal(4, staff.Count);
        Assert.Equal("Liu Yang (lead)", staff[renamed.UserId].GetProperty("name").GetString());
        Assert.Equal("active", staff[renamed.UserId].GetProperty("status").GetString());
        Assert.Equal("left", staff[leaving.UserId].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancel_auth_suspends_keeping_staff_and_installing_into_the_same_corp_again_restores_it()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var corp = scene.Corp(Beijing);
        await OnboardingPages.InstallThroughPagesAsync(admin, scene.DealerA, corp.CorpId);

        var uninstall = await scene.ControlAsync("suite/uninstall", new { corpid = corp.CorpId });
        await scene.DeliverAsync(uninstall.GetProperty("push_id").GetInt64());
        var suspended = (await scene.LinkAsync(scene.DealerA)).GetProperty("weCom");
        var staffWhileSuspended = (await scene.StaffAsync(scene.DealerA)).GetArrayLength();
        var page = await OnboardingPages.InstallThroughPagesAsync(admin, scene.DealerA, corp.CorpId);
        var restored = (await scene.LinkAsync(scene.DealerA)).GetProperty("weCom");

        Assert.Equal("Suspended", suspended.GetProperty("status").GetString());
        Assert.Contains("卸载了 WeLink 应用", suspended.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, staffWhileSuspended);
        Assert.Contains("data-result=\"Bound\"", page, StringComparison.Ordinal);
        Assert.Equal("Active", restored.GetProperty("status").GetString());
        Assert.Equal(
            scene.Credentials.Grants.FindInstallation(corp.CorpId)!.PermanentCode,
            await scene.Host.Services.GetRequiredService<PlatformSecretStore>().GetPermanentCodeAsync(corp.CorpId, CancellationToken.None));
    }

    [Fact]
    public async Task Create_auth_binds_the_dealer_named_by_its_state_and_the_later_redirect_shows_the_same_outcome()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var corp = scene.Corp(Beijing);
        var page = await OnboardingPages.StartInstallAsync(admin, scene.DealerB);
        var approval = await scene.ControlAsync("suite/install", new
        {
            pre_auth_code = OnboardingScene.Query(page, "pre_auth_code"),
            corpid = corp.CorpId,
            state = OnboardingScene.Query(page, "state"),
        });

        await scene.DeliverAsync(approval.GetProperty("push_id").GetInt64());
        var result = await admin.GetStringAsync(new Uri(
            $"/onboarding/wecom/installed?auth_code={approval.GetProperty("auth_code").GetString()}&state={OnboardingScene.Query(page, "state")}",
            UriKind.Relative));

        Assert.Contains("data-result=\"Bound\"", result, StringComparison.Ordinal);
        Assert.Equal("Active", (await scene.LinkAsync(scene.DealerB)).GetProperty("weCom").GetProperty("status").GetString());
        Assert.Equal(4, (await scene.StaffAsync(scene.DealerB)).GetArrayLength());
    }

    [Fact]
    public async Task When_WeCom_refuses_the_v2_permanent_code_api_the_v1_api_completes_the_install()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        await scene.ControlAsync("faults/api", new { api = "cgi-bin/service/v2/get_permanent_code", count = 1, errcode = 48002 });

        var page = await OnboardingPages.InstallThroughPagesAsync(admin, scene.DealerA, scene.Corp(Beijing).CorpId);

        Assert.Null(scene.Host.Services.GetRequiredService<FaultBook>().TakeApiFault("/cgi-bin/service/v2/get_permanent_code"));
        Assert.Contains("data-result=\"Bound\"", page, StringComparison.Ordinal);
        Assert.Equal(4, (await scene.StaffAsync(scene.DealerA)).GetArrayLength());
    }

    [Fact]
    public async Task A_corp_already_linked_to_another_dealer_is_refused()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var corp = scene.Corp(Beijing);
        await OnboardingPages.InstallThroughPagesAsync(admin, scene.DealerA, corp.CorpId);

        var page = await OnboardingPages.InstallThroughPagesAsync(admin, scene.DealerB, corp.CorpId);

        Assert.Contains("已关联到另一家经销商", page, StringComparison.Ordinal);
        Assert.Equal("Refused", (await scene.LinkAsync(scene.DealerB)).GetProperty("weCom").GetProperty("status").GetString());
        Assert.Equal(0, (await scene.StaffAsync(scene.DealerB)).GetArrayLength());
    }

    [Fact]
    public async Task Both_sides_active_make_the_dealer_linked_and_findable_by_appid_and_corpid()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var account = scene.Account("Aurora Motors Beijing Dealer");
        var corp = scene.Corp(Beijing);
        await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerA, account.AppId);
        await OnboardingPages.InstallThroughPagesAsync(admin, scene.DealerA, corp.CorpId);
        var directory = scene.Host.Services.GetRequiredService<IDealerDirectory>();

        var link = await scene.LinkAsync(scene.DealerA);
        var byAppId = await directory.FindByAuthorizerAppIdAsync(account.AppId, CancellationToken.None);
        var byCorpId = await directory.FindByCorpIdAsync(corp.CorpId, CancellationToken.None);
        var member = scene.World.StaffOf(corp.CorpId)[0];
        var staff = await scene.Host.Services.GetRequiredService<IStaffDirectory>().FindByUserIdAsync(corp.CorpId, member.UserId, CancellationToken.None);

        Assert.True(link.GetProperty("linked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, link.GetProperty("whyNotLinked").ValueKind);
        Assert.Equal(scene.DealerA, byAppId!.DealerId);
        Assert.True(byAppId.LinkActive);
        Assert.Equal(scene.DealerA, byCorpId!.DealerId);
        Assert.True(byCorpId.LinkActive);
        Assert.Equal(member.Name, staff!.Name);
        Assert.Null(await directory.FindByCorpIdAsync("wwunknown", CancellationToken.None));
    }

    [Fact]
    public async Task A_dealer_admin_gives_staff_known_roles_only_and_only_for_their_own_dealer()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var platform = await scene.AdminAsync();
        await OnboardingPages.InstallThroughPagesAsync(platform, scene.DealerA, scene.Corp(Beijing).CorpId);
        using var dealerAdmin = await scene.AdminAsync(AdminRoles.Dealer, scene.BrandId, scene.DealerA);
        using var otherDealerAdmin = await scene.AdminAsync(AdminRoles.Dealer, scene.BrandId, scene.DealerB);
        var staffId = (await scene.StaffAsync(scene.DealerA))[0].GetProperty("id").GetGuid();
        var path = new Uri($"/api/admin/dealers/{scene.DealerA}/staff/{staffId}/roles", UriKind.Relative);

        var given = await dealerAdmin.PutAsJsonAsync(path, new { roles = ConsultantAndManager });
        var unknown = await dealerAdmin.PutAsJsonAsync(path, new { roles = UnknownRole });
        var foreign = await otherDealerAdmin.PutAsJsonAsync(path, new { roles = GeneralManager });

        Assert.Equal(HttpStatusCode.NoContent, given.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var roles = (await scene.StaffAsync(scene.DealerA)).EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == staffId).GetProperty("roles");
        Assert.Equal(ConsultantAndManager, roles.EnumerateArray().Select(r => r.GetString()!).Order());
    }
}

public sealed class CorpInstallationTests_on_Sqlite() : CorpInstallationTests(DatabaseProvider.Sqlite);

public sealed class CorpInstallationTests_on_Postgres() : CorpInstallationTests(DatabaseProvider.Postgres);
