using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using WeLink.Server.Data;
using WeLink.Server.Identities;

namespace WeLink.Server.Tests.Identities;

/// <summary>Consumer web OAuth end to end: WeLink, the sandbox's OAuth page and its code exchange, over real HTTP.</summary>
public abstract class ConsumerSignInTests(DatabaseProvider provider) : IAsyncLifetime
{
    private IdentityWorld _world = null!;

    public async Task InitializeAsync() => _world = await IdentityWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_silent_sign_in_creates_the_consumer_once_and_lands_on_the_return_url()
    {
        using var browser = _world.NewBrowser();
        var person = _world.People[0];

        var authorize = await IdentityWorld.StartConsumerSignInAsync(browser, _world.BeijingDealerId, "base", "/member/card?tab=1");
        var landed = await browser.GetAsync(await IdentityWorld.ConsentAsync(browser, authorize, person));

        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal("/member/card?tab=1", landed.Headers.Location!.OriginalString);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(_world.BeijingAppId, query["appid"].ToString());
        Assert.Equal("snsapi_base", query["scope"].ToString());
        Assert.Equal(SandboxSettings.ComponentAppId, query["component_appid"].ToString());
        Assert.Equal(new Uri(_world.Host.BaseAddress, ConsumerSignInEndpoints.CallbackPath), new Uri(query["redirect_uri"].ToString()));

        var me = await browser.GetFromJsonAsync<ConsumerProfileResponse>(new Uri("/api/consumer/me", UriKind.Relative));
        Assert.Equal(_world.BeijingDealerId, me!.DealerId);
        Assert.Equal(_world.BrandId, me.BrandId);
        Assert.Equal("Aurora Beijing", me.DealerName);
        Assert.Equal(ConsumerSubscription.Unknown, me.Subscription);
        Assert.Null(me.Nickname);

        using var otherBrowser = _world.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await IdentityWorld.SignInConsumerAsync(otherBrowser, _world.BeijingDealerId, person)).StatusCode);
        var again = await otherBrowser.GetFromJsonAsync<ConsumerProfileResponse>(new Uri("/api/consumer/me", UriKind.Relative));
        Assert.Equal(me.Id, again!.Id);
        var openId = await _world.OpenIdAsync(_world.BeijingAppId, person);
        Assert.Equal(1L, await _world.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM consumers WHERE app_id = @appId AND open_id = @openId", new { appId = _world.BeijingAppId, openId }));
        Assert.Equal(1L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM consumers"));
    }

    [Fact]
    public async Task The_userinfo_scope_records_the_nickname_and_the_unionid()
    {
        using var browser = _world.NewBrowser();
        var person = _world.People[1];

        var landed = await IdentityWorld.SignInConsumerAsync(browser, _world.BeijingDealerId, person, "userinfo");

        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        var me = await browser.GetFromJsonAsync<ConsumerProfileResponse>(new Uri("/api/consumer/me", UriKind.Relative));
        Assert.Equal("Wang Fang", me!.Nickname);
        Assert.Equal(
            await _world.UnionIdAsync(_world.BeijingAppId, person),
            await _world.Database.ScalarAsync<string>("SELECT union_id FROM consumers WHERE app_id = @appId", new { appId = _world.BeijingAppId }));
    }

    [Fact]
    public async Task Sign_in_links_are_refused_for_unknown_dealers_unlinked_accounts_and_foreign_return_urls()
    {
        using var browser = _world.NewBrowser();
        var unlinked = (await Seed.In(_world.Host.Services).Brand(_world.BrandId).Dealer("Aurora Guangzhou", d => d.Code("GZ01").Approved())).Dealers[0].Id;

        Assert.Equal(HttpStatusCode.NotFound, await StatusOfSignInAsync(browser, $"dealer={Guid.CreateVersion7()}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfSignInAsync(browser, "dealer=not-a-dealer"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOfSignInAsync(browser, $"dealer={unlinked}"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusOfSignInAsync(browser, $"dealer={_world.BeijingDealerId}&scope=everything"));
        foreach (var foreign in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example/" })
        {
            Assert.Equal(
                HttpStatusCode.BadRequest,
                await StatusOfSignInAsync(browser, $"dealer={_world.BeijingDealerId}&returnUrl={Uri.EscapeDataString(foreign)}"));
        }

        await _world.ExecuteAsync("UPDATE official_account_links SET status = 'suspended' WHERE dealer_id = @BeijingDealerId", new { _world.BeijingDealerId });
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOfSignInAsync(browser, $"dealer={_world.BeijingDealerId}"));
        await _world.ExecuteAsync("UPDATE dealers SET status = 'suspended' WHERE id = @ShanghaiDealerId", new { _world.ShanghaiDealerId });
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOfSignInAsync(browser, $"dealer={_world.ShanghaiDealerId}"));
    }

    [Fact]
    public async Task A_consumer_who_declines_is_not_signed_in()
    {
        using var browser = _world.NewBrowser();
        var authorize = await IdentityWorld.StartConsumerSignInAsync(browser, _world.BeijingDealerId, "userinfo");

        var answer = await browser.GetAsync(await _world.DenyAsync(browser, authorize, _world.People[0]));

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Contains("declined", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("/api/consumer/me", UriKind.Relative))).StatusCode);
        Assert.Equal(0L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM consumers"));
    }

    [Fact]
    public async Task A_forged_state_or_one_started_in_another_browser_is_refused()
    {
        using var victim = _world.NewBrowser();
        using var attacker = _world.NewBrowser();
        var callback = await IdentityWorld.ConsentAsync(
            attacker, await IdentityWorld.StartConsumerSignInAsync(attacker, _world.BeijingDealerId), _world.People[0]);
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();

        // The attacker's callback (their code and state) planted in the victim's browser: the victim never started it.
        var planted = await victim.GetAsync(callback);
        await IdentityWorld.StartConsumerSignInAsync(victim, _world.BeijingDealerId);
        var forged = await victim.GetAsync(new Uri($"{ConsumerSignInEndpoints.CallbackPath}?code={code}&state=forged", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, planted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetAsync(new Uri("/api/consumer/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_reused_code_is_refused_even_with_a_fresh_state()
    {
        using var browser = _world.NewBrowser();
        var first = await IdentityWorld.ConsentAsync(
            browser, await IdentityWorld.StartConsumerSignInAsync(browser, _world.BeijingDealerId), _world.People[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync(first)).StatusCode);

        var fresh = await IdentityWorld.StartConsumerSignInAsync(browser, _world.BeijingDealerId);
        var state = QueryHelpers.ParseQuery(fresh.Query)["state"].ToString();
        var code = QueryHelpers.ParseQuery(first.Query)["code"].ToString();
        var reused = await browser.GetAsync(new Uri($"{ConsumerSignInEndpoints.CallbackPath}?code={code}&state={state}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("already used or has expired", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_that_expired_at_wechat_is_refused()
    {
        using var browser = _world.NewBrowser();
        var callback = await IdentityWorld.ConsentAsync(
            browser, await IdentityWorld.StartConsumerSignInAsync(browser, _world.BeijingDealerId), _world.People[0]);

        await _world.AdvanceSandboxAsync(TimeSpan.FromMinutes(6));
        var answer = await browser.GetAsync(callback);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("already used or has expired", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_that_comes_back_after_ten_minutes_is_refused()
    {
        using var browser = _world.NewBrowser();
        var callback = await IdentityWorld.ConsentAsync(
            browser, await IdentityWorld.StartConsumerSignInAsync(browser, _world.BeijingDealerId), _world.People[0]);

        _world.Clock.Advance(SignInStates.Lifetime + TimeSpan.FromSeconds(1));
        var answer = await browser.GetAsync(callback);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("10 minutes", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_unlinked_while_the_consumer_was_at_wechat_is_refused_on_return()
    {
        using var browser = _world.NewBrowser();
        var callback = await IdentityWorld.ConsentAsync(
            browser, await IdentityWorld.StartConsumerSignInAsync(browser, _world.BeijingDealerId), _world.People[0]);

        await _world.ExecuteAsync("UPDATE official_account_links SET status = 'suspended' WHERE dealer_id = @BeijingDealerId", new { _world.BeijingDealerId });
        var answer = await browser.GetAsync(callback);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal(0L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM consumers"));
    }

    [Fact]
    public async Task WeChat_failing_the_code_exchange_is_a_bad_gateway_and_signs_nobody_in()
    {
        using var browser = _world.NewBrowser();
        var callback = await IdentityWorld.ConsentAsync(
            browser, await IdentityWorld.StartConsumerSignInAsync(browser, _world.BeijingDealerId), _world.People[0]);

        await _world.ControlAsync("faults/api", new { api = "sns/oauth2/component/access_token", count = 1, errcode = 45009 });
        var answer = await browser.GetAsync(callback);

        Assert.Equal(HttpStatusCode.BadGateway, answer.StatusCode);
        Assert.Contains("errcode 45009", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("/api/consumer/me", UriKind.Relative))).StatusCode);
    }

    private static async Task<HttpStatusCode> StatusOfSignInAsync(HttpClient browser, string query) =>
        (await browser.GetAsync(new Uri($"{ConsumerSignInEndpoints.SignInPath}?{query}", UriKind.Relative))).StatusCode;
}

public sealed class ConsumerSignInTests_on_Sqlite() : ConsumerSignInTests(DatabaseProvider.Sqlite);

public sealed class ConsumerSignInTests_on_Postgres() : ConsumerSignInTests(DatabaseProvider.Postgres);
