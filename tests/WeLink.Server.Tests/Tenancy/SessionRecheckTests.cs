using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using WeLink.Server.Data;
using WeLink.Server.Identities;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tests.Admin;
using WeLink.Server.Tests.Identities;
using WeLink.Server.Tests.Onboarding;

namespace WeLink.Server.Tests.Tenancy;

/// <summary>
/// Sessions are read again at most every Sessions:RecheckInterval (30 s by default): what happens in WeCom (through the
/// sandbox's pushes) or in the portal (through the admin API) reaches a signed-in person's next request once WeLink's
/// clock has passed the interval. The clock is moved, never slept on.
/// </summary>
public abstract class SessionRecheckTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Beijing = "Aurora Beijing Dealer";
    private static readonly TimeSpan PastRecheck = TimeSpan.FromSeconds(31);
    private static readonly Uri StaffMe = new("/api/staff/me", UriKind.Relative);
    private static readonly Uri ConsumerMe = new("/api/consumer/me", UriKind.Relative);
    private static readonly string[] ConsultantOnly = [StaffRoles.Consultant];

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private OnboardingScene _scene = null!;
    private string _corpId = "";

    public async Task InitializeAsync()
    {
        _scene = await OnboardingScene.StartAsync(provider, _clock);
        using var admin = await _scene.AdminAsync();
        _corpId = _scene.Corp(Beijing).CorpId;
        await OnboardingPages.InstallThroughPagesAsync(admin, _scene.DealerA, _corpId);
    }

    public async Task DisposeAsync() => await _scene.DisposeAsync();

    [Fact]
    public async Task A_staff_member_removed_in_WeCom_keeps_access_until_the_recheck_and_loses_it_on_the_next_request_after()
    {
        var (browser, userId) = await SignedInStaffAsync();

        var removal = await _scene.ControlAsync("pushes/change-contact/delete-user", new { corpid = _corpId, userid = userId });
        await _scene.DeliverAsync(removal.GetProperty("push_id").GetInt64());
        var withinInterval = await browser.GetAsync(StaffMe);
        _clock.Advance(PastRecheck);
        var afterRecheck = await browser.GetAsync(StaffMe);
        _clock.Advance(PastRecheck);
        var later = await browser.GetAsync(StaffMe);

        Assert.Equal(HttpStatusCode.OK, withinInterval.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRecheck.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, later.StatusCode);
    }

    [Fact]
    public async Task Staff_of_a_corp_that_uninstalled_the_app_lose_access_after_the_recheck()
    {
        var (browser, _) = await SignedInStaffAsync();

        var uninstall = await _scene.ControlAsync("suite/uninstall", new { corpid = _corpId });
        await _scene.DeliverAsync(uninstall.GetProperty("push_id").GetInt64());
        _clock.Advance(PastRecheck);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(StaffMe)).StatusCode);
    }

    [Fact]
    public async Task Staff_of_a_dealer_HQ_suspended_lose_access_after_the_recheck_and_stay_out_when_it_is_reinstated()
    {
        var (browser, _) = await SignedInStaffAsync();

        await ChangeDealerAsync("suspend");
        _clock.Advance(PastRecheck);
        var whileSuspended = await browser.GetAsync(StaffMe);
        await ChangeDealerAsync("reinstate");
        _clock.Advance(PastRecheck);
        var afterReinstated = await browser.GetAsync(StaffMe);

        Assert.Equal(HttpStatusCode.Unauthorized, whileSuspended.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterReinstated.StatusCode);
    }

    [Fact]
    public async Task A_consumer_of_a_dealer_HQ_suspended_loses_access_after_the_recheck_and_stays_out_when_it_is_reinstated()
    {
        using (var admin = await _scene.AdminAsync())
        {
            await OnboardingPages.AuthorizeThroughPagesAsync(admin, _scene.DealerA, _scene.Account("Aurora Motors Beijing Dealer").AppId);
        }

        using var browser = NewBrowser();
        var signIn = await IdentityWorld.SignInConsumerAsync(browser, _scene.DealerA, _scene.World.Snapshot().Consumers[0].Consumer.Id);
        var beforeSuspension = await browser.GetAsync(ConsumerMe);

        await ChangeDealerAsync("suspend");
        var withinInterval = await browser.GetAsync(ConsumerMe);
        _clock.Advance(PastRecheck);
        var whileSuspended = await browser.GetAsync(ConsumerMe);
        await ChangeDealerAsync("reinstate");
        _clock.Advance(PastRecheck);
        var afterReinstated = await browser.GetAsync(ConsumerMe);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, beforeSuspension.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withinInterval.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, whileSuspended.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterReinstated.StatusCode);
    }

    [Fact]
    public async Task A_role_the_dealer_admin_changes_reaches_the_signed_in_staff_member_at_the_recheck_without_signing_in_again()
    {
        var (browser, userId) = await SignedInStaffAsync();
        using var dealerAdmin = await _scene.AdminAsync(AdminRoles.Dealer, _scene.BrandId, _scene.DealerA);
        var staffId = (await _scene.StaffAsync(_scene.DealerA)).EnumerateArray().Single(s => s.GetProperty("userId").GetString() == userId).GetProperty("id").GetGuid();

        var given = await dealerAdmin.PutAsJsonAsync(new Uri($"/api/admin/dealers/{_scene.DealerA}/staff/{staffId}/roles", UriKind.Relative), new { roles = ConsultantOnly });
        var before = await browser.GetFromJsonAsync<StaffProfileResponse>(StaffMe);
        _clock.Advance(PastRecheck);
        var after = await browser.GetFromJsonAsync<StaffProfileResponse>(StaffMe);

        Assert.Equal(HttpStatusCode.NoContent, given.StatusCode);
        Assert.Empty(before!.Roles);
        Assert.Equal(ConsultantOnly, after!.Roles);
    }

    [Fact]
    public async Task An_admin_who_was_disabled_loses_access_after_the_recheck_and_cannot_sign_in_again()
    {
        using var hq = await _scene.AdminAsync(AdminRoles.Hq, _scene.BrandId);
        var created = await hq.PostAsJsonAsync(
            new Uri($"/api/admin/dealers/{_scene.DealerA}/admins", UriKind.Relative),
            new { email = "wang@bj01.test", displayName = "Wang Fang", password = "a-long-dealer-password" });
        var dealerAdminId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        using var dealerAdmin = await AdminClient.SignedInAsync(_scene.Host, "wang@bj01.test", "a-long-dealer-password");

        var disable = await hq.PostAsync(new Uri($"/api/admin/admin-users/{dealerAdminId}/disable", UriKind.Relative), null);
        var disableAgain = await hq.PostAsync(new Uri($"/api/admin/admin-users/{dealerAdminId}/disable", UriKind.Relative), null);
        _clock.Advance(PastRecheck);
        var me = await dealerAdmin.Http.GetAsync(new Uri("/api/admin/me", UriKind.Relative));
        var signInAgain = await dealerAdmin.LoginAsync("wang@bj01.test", "a-long-dealer-password");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signInAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, disableAgain.StatusCode);
    }

    private async Task<(HttpClient Browser, string UserId)> SignedInStaffAsync()
    {
        var userId = _scene.World.StaffOf(_corpId)[1].UserId;
        var browser = NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await IdentityWorld.SignInStaffAsync(browser, userId)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(StaffMe)).StatusCode);
        return (browser, userId);
    }

    /// <summary>A browser of its own: its own cookies, redirects not followed.</summary>
    private HttpClient NewBrowser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = _scene.Host.BaseAddress };

    /// <summary>HQ approves a dealer transition through the admin API, in a session of its own.</summary>
    private async Task ChangeDealerAsync(string transition)
    {
        using var hq = await _scene.AdminAsync(AdminRoles.Hq, _scene.BrandId);
        var dealer = JsonDocument.Parse(await hq.GetStringAsync(new Uri($"/api/admin/dealers/{_scene.DealerA}", UriKind.Relative))).RootElement;
        var changed = await hq.PostAsJsonAsync(
            new Uri($"/api/admin/dealers/{_scene.DealerA}/{transition}", UriKind.Relative), new { version = dealer.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }
}

public sealed class SessionRecheckTests_on_Sqlite() : SessionRecheckTests(DatabaseProvider.Sqlite);

public sealed class SessionRecheckTests_on_Postgres() : SessionRecheckTests(DatabaseProvider.Postgres);
