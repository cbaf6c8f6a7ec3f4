using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Server.Identities;
using WeLink.Server.Identities.Contracts;

namespace WeLink.Server.Tests.Identities;

/// <summary>Each kind of session reaches only its own API and its own dealer, for as long as it is meant to.</summary>
public abstract class SessionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Uri ConsumerMe = new("/api/consumer/me", UriKind.Relative);
    private static readonly Uri StaffMe = new("/api/staff/me", UriKind.Relative);

    private IdentityWorld _world = null!;

    public async Task InitializeAsync() => _world = await IdentityWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Each_api_refuses_the_cookies_of_the_other_kinds_of_session()
    {
        using var consumer = _world.NewBrowser();
        using var staff = _world.NewBrowser();
        using var admin = _world.NewBrowser();
        using var nobody = _world.NewBrowser();
        await IdentityWorld.SignInConsumerAsync(consumer, _world.BeijingDealerId, _world.People[0]);
        await IdentityWorld.SignInStaffAsync(staff, _world.BeijingUserIds[0]);
        admin.DefaultRequestHeaders.Add("Cookie", _world.AdminCookie());

        Assert.Equal(HttpStatusCode.OK, (await consumer.GetAsync(ConsumerMe)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(StaffMe)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync(ConsumerMe)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync(ConsumerMe)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.GetAsync(ConsumerMe)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await consumer.GetAsync(StaffMe)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync(StaffMe)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.GetAsync(StaffMe)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_only_that_kind_of_session()
    {
        using var browser = _world.NewBrowser();
        await IdentityWorld.SignInConsumerAsync(browser, _world.BeijingDealerId, _world.People[0]);
        await IdentityWorld.SignInStaffAsync(browser, _world.BeijingUserIds[0]);

        var signOut = await browser.PostAsync(new Uri("/api/staff/signout", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(StaffMe)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(ConsumerMe)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync(new Uri("/api/consumer/signout", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(ConsumerMe)).StatusCode);
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("consumer")]
    public async Task A_copied_cookie_stops_working_once_its_owner_signs_out(string kind)
    {
        var cookies = new CookieContainer();
        using var owner = _world.NewBrowser(cookies);
        var me = kind == "staff" ? StaffMe : ConsumerMe;
        if (kind == "staff")
        {
            await IdentityWorld.SignInStaffAsync(owner, _world.BeijingUserIds[0]);
        }
        else
        {
            await IdentityWorld.SignInConsumerAsync(owner, _world.BeijingDealerId, _world.People[0]);
        }

        using var thief = _world.NewBrowser();
        thief.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(_world.Host.BaseAddress));
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync(me)).StatusCode);

        var signOut = await owner.PostAsync(new Uri($"/api/{kind}/signout", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync(me)).StatusCode);
    }

    [Fact]
    public async Task A_consumer_of_one_dealer_never_sees_the_same_person_at_another_dealer()
    {
        using var atBeijing = _world.NewBrowser();
        using var atShanghai = _world.NewBrowser();
        var person = _world.People[0];
        await IdentityWorld.SignInConsumerAsync(atBeijing, _world.BeijingDealerId, person);
        await IdentityWorld.SignInConsumerAsync(atShanghai, _world.ShanghaiDealerId, person);

        var beijing = await atBeijing.GetFromJsonAsync<ConsumerProfileResponse>(ConsumerMe);
        var shanghai = await atShanghai.GetFromJsonAsync<ConsumerProfileResponse>(ConsumerMe);

        Assert.Equal(_world.BeijingDealerId, beijing!.DealerId);
        Assert.Equal(_world.ShanghaiDealerId, shanghai!.DealerId);
        Assert.NotEqual(beijing.Id, shanghai.Id);
        var store = _world.Host.Services.GetRequiredService<ConsumerStore>();
        var crossed = new ConsumerSession(shanghai.Id, _world.BrandId, _world.BeijingDealerId);
        Assert.Null(await store.FindProfileAsync(crossed, "北京", _world.MiniProgramAppId, CancellationToken.None));
    }

    [Fact]
    public async Task A_consumer_session_slides_for_seven_days_of_inactivity()
    {
        using var browser = _world.NewBrowser();
        await IdentityWorld.SignInConsumerAsync(browser, _world.BeijingDealerId, _world.People[0]);

        _world.Clock.Advance(TimeSpan.FromDays(6));
        var afterSixDays = await browser.GetAsync(ConsumerMe);
        _world.Clock.Advance(TimeSpan.FromDays(6));
        var afterTwelveDaysActive = await browser.GetAsync(ConsumerMe);
        _world.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var afterAWeekIdle = await browser.GetAsync(ConsumerMe);

        Assert.Equal(HttpStatusCode.OK, afterSixDays.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterTwelveDaysActive.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterAWeekIdle.StatusCode);
    }

    [Fact]
    public async Task A_staff_session_ends_after_twelve_hours_without_use()
    {
        using var browser = _world.NewBrowser();
        await IdentityWorld.SignInStaffAsync(browser, _world.BeijingUserIds[0]);

        _world.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(StaffMe)).StatusCode);
    }
}

public sealed class SessionTests_on_Sqlite() : SessionTests(DatabaseProvider.Sqlite);

public sealed class SessionTests_on_Postgres() : SessionTests(DatabaseProvider.Postgres);
