using WeLink.Server.Data;
using WeLink.Server.Onboarding.OpenPlatform;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tests.Onboarding;

/// <summary>
/// WeLink puts the accounts a brand authorizes under one open-platform account, through the sandbox's cgi-bin/open APIs, so
/// that a person has one unionid across the brand's dealers: unbound accounts are bound (the first gets an open-platform
/// account created for it), bound ones only recorded, another owner's refused with WeChat's 89001 while the
/// authorization itself succeeds.
/// </summary>
public abstract class OpenPlatformBindingTests(DatabaseProvider provider)
{
    private const string Beijing = "Aurora Motors Beijing Dealer";

    [Fact]
    public async Task Two_unbound_accounts_of_one_owner_share_an_open_account_WeLink_made_and_a_person_following_both_is_one_member_by_unionid()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var owner = scene.Account(Beijing).OwnerId;
        var tianjin = await UnboundAccountAsync(scene, owner, "Aurora Motors Tianjin Dealer");
        var dalian = await UnboundAccountAsync(scene, owner, "Aurora Motors Dalian Dealer");

        var first = await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerA, tianjin);
        var second = await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerB, dalian);
        var person = scene.World.Snapshot().Consumers[0].Consumer.Id;
        foreach (var appId in new[] { tianjin, dalian })
        {
            var follow = await scene.ControlAsync("consumers/follow", new { consumer_id = person, appid = appId });
            await scene.DeliverAsync(follow.GetProperty("push_id").GetInt64());
        }

        Assert.Contains("data-result=\"Bound\"", first, StringComparison.Ordinal);
        Assert.Contains("data-result=\"Bound\"", second, StringComparison.Ordinal);
        var openAppId = scene.World.Snapshot().Accounts.Single(a => a.AppId == tianjin).OpenAppId;
        Assert.NotNull(openAppId);
        Assert.True(scene.World.FindOpenAccount(openAppId)!.CreatedByApi);
        Assert.Equal(openAppId, scene.World.Snapshot().Accounts.Single(a => a.AppId == dalian).OpenAppId);
        Assert.Equal(("created", openAppId), await BindingAsync(scene, tianjin));
        Assert.Equal(("bound", openAppId), await BindingAsync(scene, dalian));
        Assert.Equal(1L, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM members"));
        Assert.Equal(1L, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM member_identities WHERE kind = 'unionid'"));
        Assert.Equal(2L, await scene.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM audit_log WHERE action = @action AND outcome = 'succeeded' AND actor_email = 'welink'", new { action = OpenPlatformBinder.BindAction }));
    }

    [Fact]
    public async Task An_account_of_another_owner_is_refused_with_89001_recorded_and_shown_and_its_authorization_still_succeeds()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerA, scene.Account(Beijing).AppId);
        var borealis = (await scene.ControlAsync("world/owners", new { name = "Borealis Motors" })).GetProperty("id").GetString()!;
        var other = await UnboundAccountAsync(scene, borealis, "Borealis Shenyang Dealer");

        var page = await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerB, other);
        using var hq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId);
        var dealerPage = await hq.GetStringAsync(new Uri($"/admin/dealers/{scene.DealerB}", UriKind.Relative));

        Assert.Contains("data-result=\"Bound\"", page, StringComparison.Ordinal);
        Assert.Equal("Active", (await scene.LinkAsync(scene.DealerB)).GetProperty("officialAccount").GetProperty("status").GetString());
        Assert.Equal(("refused", null), await BindingAsync(scene, other));
        Assert.Contains("不属于同一主体", await scene.Database.ScalarAsync<string>("SELECT reason FROM open_platform_bindings WHERE app_id = @other", new { other }), StringComparison.Ordinal);
        Assert.Null(scene.World.Snapshot().Accounts.Single(a => a.AppId == other).OpenAppId);
        Assert.Contains("data-open-platform=\"refused\"", dealerPage, StringComparison.Ordinal);
        Assert.Contains("不属于同一主体", dealerPage, StringComparison.Ordinal);
        Assert.Contains("重新绑定", dealerPage, StringComparison.Ordinal);
        Assert.Equal("refused", await scene.Database.ScalarAsync<string>(
            "SELECT outcome FROM audit_log WHERE action = @action AND target_id = @other", new { action = OpenPlatformBinder.BindAction, other }));
    }

    [Fact]
    public async Task An_account_already_bound_is_only_recorded_and_an_unbound_mini_program_then_joins_its_open_account()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var beijing = scene.Account(Beijing);
        var miniProgram = (await scene.ControlAsync("world/accounts", new
        {
            owner_id = beijing.OwnerId,
            nickname = "Aurora Motors Lite",
            kind = "MiniProgram",
            verified = true,
            bound = false,
        })).GetProperty("app_id").GetString()!;

        await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerA, beijing.AppId);
        var recorded = await BindingAsync(scene, beijing.AppId);
        var audited = await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = @action", new { action = OpenPlatformBinder.BindAction });
        await OnboardingPages.AuthorizeMiniProgramThroughPagesAsync(admin, scene.BrandId, miniProgram);
        using var hq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId);
        var brandPage = await hq.GetStringAsync(new Uri($"/admin/brands/{scene.BrandId}/dealers", UriKind.Relative));

        // The owner's console account: no open/create or open/bind went out for Beijing, so nothing was made or audited.
        Assert.Equal(("found", beijing.OpenAppId), recorded);
        Assert.False(scene.World.FindOpenAccount(beijing.OpenAppId!)!.CreatedByApi);
        Assert.Equal(beijing.OpenAppId, scene.World.Snapshot().Accounts.Single(a => a.AppId == beijing.AppId).OpenAppId);
        Assert.Equal(0L, audited);
        Assert.Equal(("bound", beijing.OpenAppId), await BindingAsync(scene, miniProgram));
        Assert.Equal(beijing.OpenAppId, scene.World.Snapshot().Accounts.Single(a => a.AppId == miniProgram).OpenAppId);
        Assert.Contains("data-open-platform=\"bound\"", brandPage, StringComparison.Ordinal);
        Assert.Contains($"{beijing.OpenAppId![..4]}…{beijing.OpenAppId[^4..]}", brandPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_authorization_push_binds_once()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        var tianjin = await UnboundAccountAsync(scene, scene.Account(Beijing).OwnerId, "Aurora Motors Tianjin Dealer");
        var page = await OnboardingPages.StartAuthorizationAsync(admin, scene.DealerA);
        var approval = await scene.ControlAsync("component/approve", new { pre_auth_code = OnboardingScene.Query(page, "pre_auth_code"), appid = tianjin });

        await scene.DeliverAsync(approval.GetProperty("push_id").GetInt64());
        var openAppId = scene.World.Snapshot().Accounts.Single(a => a.AppId == tianjin).OpenAppId;
        await scene.DeliverAsync(approval.GetProperty("push_id").GetInt64());

        Assert.Equal(("created", openAppId), await BindingAsync(scene, tianjin));
        Assert.Equal(openAppId, scene.World.Snapshot().Accounts.Single(a => a.AppId == tianjin).OpenAppId);
        Assert.Equal(1L, await scene.Database.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = @action", new { action = OpenPlatformBinder.BindAction }));
    }

    /// <summary>A verified service account of the owner, bound to no open-platform account (its followers have no unionid).</summary>
    private static async Task<string> UnboundAccountAsync(OnboardingScene scene, string ownerId, string nickname) =>
        (await scene.ControlAsync("world/accounts", new { owner_id = ownerId, nickname, kind = "ServiceAccount", verified = true, bound = false }))
            .GetProperty("app_id").GetString()!;

    private static async Task<(string State, string? OpenAppId)> BindingAsync(OnboardingScene scene, string appId)
    {
        var state = await scene.Database.ScalarAsync<string>("SELECT state FROM open_platform_bindings WHERE app_id = @appId", new { appId });
        var openAppId = await scene.Database.ScalarAsync<string?>("SELECT open_app_id FROM open_platform_bindings WHERE app_id = @appId", new { appId });
        return (state, openAppId);
    }
}

public sealed class OpenPlatformBindingTests_on_Sqlite() : OpenPlatformBindingTests(DatabaseProvider.Sqlite);

public sealed class OpenPlatformBindingTests_on_Postgres() : OpenPlatformBindingTests(DatabaseProvider.Postgres);
