using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using WeLink.Server.Data;
using WeLink.Server.Identities;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tests.Identities;

/// <summary>Staff WeCom OAuth end to end: WeLink, the sandbox's OAuth page and getuserinfo3rd, over real HTTP.</summary>
public abstract class StaffSignInTests(DatabaseProvider provider) : IAsyncLifetime
{
    private IdentityWorld _world = null!;

    public async Task InitializeAsync() => _world = await IdentityWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_staff_member_signs_in_with_their_dealer_and_roles()
    {
        using var browser = _world.NewBrowser();

        var authorize = await IdentityWorld.StartStaffSignInAsync(browser, "/cases?mine=1");
        var landed = await browser.GetAsync(await IdentityWorld.ConsentAsync(browser, authorize, _world.BeijingUserIds[0]));

        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal("/cases?mine=1", landed.Headers.Location!.OriginalString);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(SandboxSettings.SuiteId, query["appid"].ToString());
        Assert.Equal(new Uri(_world.Host.BaseAddress, StaffSignInEndpoints.CallbackPath), new Uri(query["redirect_uri"].ToString()));
        var me = await browser.GetFromJsonAsync<StaffProfileResponse>(new Uri("/api/staff/me", UriKind.Relative));
        Assert.Equal(_world.ManagerStaffId, me!.Id);
        Assert.Equal("Chen Jie", me.Name);
        Assert.Equal(_world.BeijingDealerId, me.DealerId);
        Assert.Equal(_world.BrandId, me.BrandId);
        Assert.Equal("Aurora Beijing", me.DealerName);
        Assert.Equal([StaffRoles.Consultant, StaffRoles.ServiceManager], me.Roles);
    }

    [Fact]
    public async Task A_staff_member_without_roles_signs_in_with_none()
    {
        using var browser = _world.NewBrowser();

        Assert.Equal(HttpStatusCode.Redirect, (await IdentityWorld.SignInStaffAsync(browser, _world.BeijingUserIds[1])).StatusCode);

        var me = await browser.GetFromJsonAsync<StaffProfileResponse>(new Uri("/api/staff/me", UriKind.Relative));
        Assert.Equal(_world.PlainStaffId, me!.Id);
        Assert.Empty(me.Roles);
    }

    [Fact]
    public async Task Members_outside_the_visible_range_or_who_left_are_refused()
    {
        using var left = _world.NewBrowser();
        using var outside = _world.NewBrowser();

        var leftAnswer = await IdentityWorld.SignInStaffAsync(left, _world.BeijingUserIds[2]);
        var outsideAnswer = await IdentityWorld.SignInStaffAsync(outside, _world.BeijingUserIds[3]);

        Assert.Equal(HttpStatusCode.Forbidden, leftAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outsideAnswer.StatusCode);
        Assert.Contains("visible range", await outsideAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await left.GetAsync(new Uri("/api/staff/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Staff_of_an_unlinked_corp_are_refused()
    {
        using var browser = _world.NewBrowser();
        var shanghaiUser = await ShanghaiUserIdAsync();

        var answer = await IdentityWorld.SignInStaffAsync(browser, shanghaiUser);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Contains("not linked to a dealer", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_of_a_suspended_corp_link_or_a_suspended_dealer_are_refused()
    {
        using var first = _world.NewBrowser();
        using var second = _world.NewBrowser();

        await _world.ExecuteAsync("UPDATE wecom_links SET status = 'suspended' WHERE dealer_id = @BeijingDealerId", new { _world.BeijingDealerId });
        var suspendedLink = await IdentityWorld.SignInStaffAsync(first, _world.BeijingUserIds[0]);
        await _world.ExecuteAsync("UPDATE wecom_links SET status = 'active' WHERE dealer_id = @BeijingDealerId", new { _world.BeijingDealerId });
        await _world.ExecuteAsync("UPDATE dealers SET status = 'suspended' WHERE id = @BeijingDealerId", new { _world.BeijingDealerId });
        var suspendedDealer = await IdentityWorld.SignInStaffAsync(second, _world.BeijingUserIds[0]);

        Assert.Equal(HttpStatusCode.Forbidden, suspendedLink.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, suspendedDealer.StatusCode);
    }

    [Fact]
    public async Task A_forged_state_or_a_reused_code_is_refused()
    {
        using var browser = _world.NewBrowser();
        var callback = await IdentityWorld.ConsentAsync(browser, await IdentityWorld.StartStaffSignInAsync(browser), _world.BeijingUserIds[0]);
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();

        var forged = await browser.GetAsync(new Uri($"{StaffSignInEndpoints.CallbackPath}?code={code}&state=forged", UriKind.Relative));
        var fresh = QueryHelpers.ParseQuery((await IdentityWorld.StartStaffSignInAsync(browser)).Query)["state"].ToString();
        var valid = await browser.GetAsync(new Uri($"{StaffSignInEndpoints.CallbackPath}?code={code}&state={fresh}", UriKind.Relative));
        var again = QueryHelpers.ParseQuery((await IdentityWorld.StartStaffSignInAsync(browser)).Query)["state"].ToString();
        var reused = await browser.GetAsync(new Uri($"{StaffSignInEndpoints.CallbackPath}?code={code}&state={again}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("already used or has expired", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_with_no_return_url_lands_in_the_staff_app()
    {
        using var browser = _world.NewBrowser();

        var start = await browser.GetAsync(new Uri(StaffSignInEndpoints.SignInPath, UriKind.Relative));
        var landed = await browser.GetAsync(await IdentityWorld.ConsentAsync(browser, start.Headers.Location!, _world.BeijingUserIds[0]));

        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal("/wecom-app/", landed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_deep_link_into_the_staff_app_survives_the_sign_in_with_its_route()
    {
        using var browser = _world.NewBrowser();
        var deepLink = $"/wecom-app/#/cases/{Guid.NewGuid()}";

        var landed = await IdentityWorld.SignInStaffAsync(browser, _world.BeijingUserIds[0], deepLink);

        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal(deepLink, landed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_return_url_off_this_site_is_refused()
    {
        using var browser = _world.NewBrowser();

        var answer = await browser.GetAsync(new Uri(
            $"{StaffSignInEndpoints.SignInPath}?returnUrl={Uri.EscapeDataString("https://evil.example/")}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    private async Task<string> ShanghaiUserIdAsync()
    {
        var world = System.Text.Json.JsonDocument.Parse(
            await _world.Host.Http.GetStringAsync(new Uri("/sandbox/control/world", UriKind.Relative))).RootElement;
        return world.GetProperty("corps").EnumerateArray()
            .Single(c => c.GetProperty("corp").GetProperty("corp_id").GetString() == _world.ShanghaiCorpId)
            .GetProperty("staff")[0].GetProperty("user_id").GetString()!;
    }
}

public sealed class StaffSignInTests_on_Sqlite() : StaffSignInTests(DatabaseProvider.Sqlite);

public sealed class StaffSignInTests_on_Postgres() : StaffSignInTests(DatabaseProvider.Postgres);
