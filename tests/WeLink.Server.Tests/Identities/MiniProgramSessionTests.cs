using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WeLink.Server.Data;

namespace WeLink.Server.Tests.Identities;

/// <summary>
/// Mini-program sign-in end to end: the sandbox plays wx.login on the consumer's phone and jscode2session, WeLink issues
/// bearer sessions, over real HTTP on both databases.
/// </summary>
public abstract class MiniProgramSessionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string SessionsPath = "/api/consumer/miniprogram/sessions";
    private const string Expired = "登录已失效，请重新进入小程序";
    private IdentityWorld _world = null!;

    public async Task InitializeAsync() => _world = await IdentityWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_login_code_signs_the_consumer_in_with_the_dealer_in_context_and_the_bearer_token_reaches_the_consumer_api()
    {
        var (code, openId) = await LoginCodeAsync("Wang Fang");

        var signedIn = await PostAsync(SessionsPath, new { appId = _world.MiniProgramAppId, code, dealerId = _world.BeijingDealerId });

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var session = await signedIn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(_world.BrandId, session.GetProperty("brandId").GetGuid());
        Assert.Equal(_world.BeijingDealerId, session.GetProperty("dealerId").GetGuid());
        Assert.Equal(1800, session.GetProperty("expiresIn").GetInt32());
        var accessToken = session.GetProperty("accessToken").GetString()!;
        var me = await GetAsync("/api/consumer/me", accessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(_world.BeijingDealerId, (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dealerId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/consumer/complaints", accessToken)).StatusCode);
        Assert.Equal(
            await _world.UnionIdAsync(_world.MiniProgramAppId, _world.People[1]),
            await _world.Database.ScalarAsync<string>(
                "SELECT union_id FROM consumers WHERE app_id = @appId AND open_id = @openId", new { appId = _world.MiniProgramAppId, openId }));
        Assert.Equal(1L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM miniprogram_sessions"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/api/consumer/complaints", accessToken + "x")).StatusCode);
    }

    [Fact]
    public async Task A_reused_or_expired_code_is_refused_with_401_in_Chinese_and_nothing_is_stored()
    {
        var (code, _) = await LoginCodeAsync("Li Wei");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(SessionsPath, new { appId = _world.MiniProgramAppId, code })).StatusCode);

        var reused = await PostAsync(SessionsPath, new { appId = _world.MiniProgramAppId, code, dealerId = _world.BeijingDealerId });
        var (late, _) = await LoginCodeAsync("Zhang Min");
        await _world.AdvanceSandboxAsync(TimeSpan.FromSeconds(301));
        var expired = await PostAsync(SessionsPath, new { appId = _world.MiniProgramAppId, code = late, dealerId = _world.BeijingDealerId });

        await AssertProblemAsync(reused, HttpStatusCode.Unauthorized, Expired);
        await AssertProblemAsync(expired, HttpStatusCode.Unauthorized, Expired);
        Assert.Equal(1L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM miniprogram_sessions"));
        Assert.Equal(0L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM consumers WHERE app_id = @appId", new { appId = _world.MiniProgramAppId }));
    }

    [Fact]
    public async Task A_dealer_of_another_brand_is_refused_with_422_and_the_code_stays_usable_for_a_session_that_picks_a_dealer_later()
    {
        var (code, _) = await LoginCodeAsync("Li Wei");

        var foreign = await PostAsync(SessionsPath, new { appId = _world.MiniProgramAppId, code, dealerId = _world.OtherBrandDealerId });
        var unlinked = await PostAsync(SessionsPath, new { appId = _world.MiniProgramAppId, code, dealerId = _world.ShanghaiDealerId });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unlinked.StatusCode);
        var problem = await foreign.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("经销商", problem.GetProperty("errors").GetProperty("dealerId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM miniprogram_sessions"));
        Assert.Equal(0L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM consumers WHERE app_id = @appId", new { appId = _world.MiniProgramAppId }));

        var noDealer = await ReadSessionAsync(await PostAsync(SessionsPath, new { appId = _world.MiniProgramAppId, code }));
        Assert.Equal(JsonValueKind.Null, noDealer.GetProperty("dealerId").ValueKind);
        var pickerToken = noDealer.GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("/api/consumer/complaints", pickerToken)).StatusCode);
        await AssertProblemAsync(
            await PostAsync(SessionsPath + "/dealer", new { dealerId = _world.OtherBrandDealerId }, pickerToken), HttpStatusCode.UnprocessableEntity, null);

        var picked = await ReadSessionAsync(await PostAsync(SessionsPath + "/dealer", new { dealerId = _world.BeijingDealerId }, pickerToken));

        Assert.Equal(_world.BeijingDealerId, picked.GetProperty("dealerId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/consumer/complaints", picked.GetProperty("accessToken").GetString()!)).StatusCode);
        await AssertProblemAsync(
            await PostAsync(SessionsPath + "/refresh", new { refreshToken = noDealer.GetProperty("refreshToken").GetString() }), HttpStatusCode.Unauthorized, Expired);
    }

    [Fact]
    public async Task A_session_without_a_dealer_lists_only_the_active_dealers_of_its_brand_with_a_week_of_opening_hours()
    {
        var (code, _) = await LoginCodeAsync("Li Wei");
        var session = await ReadSessionAsync(await PostAsync(SessionsPath, new { appId = _world.MiniProgramAppId, code }));

        var answer = await GetAsync("/api/consumer/dealers", session.GetProperty("accessToken").GetString()!);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var dealer = Assert.Single((await answer.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(_world.BeijingDealerId, dealer.GetProperty("id").GetGuid());
        Assert.Equal("Aurora Beijing", dealer.GetProperty("name").GetString());
        Assert.Equal(7, dealer.GetProperty("openingHours").GetArrayLength());
        Assert.StartsWith("周", dealer.GetProperty("openingHours")[0].GetProperty("day").GetString(), StringComparison.Ordinal);
        Assert.Equal("投诉", dealer.GetProperty("services")[0].GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _world.Host.Http.GetAsync(new Uri("/api/consumer/dealers", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_is_good_once_and_presenting_it_again_revokes_the_whole_session()
    {
        var (code, _) = await LoginCodeAsync("Li Wei");
        var first = await ReadSessionAsync(await PostAsync(SessionsPath, new { appId = _world.MiniProgramAppId, code, dealerId = _world.BeijingDealerId }));
        var spent = first.GetProperty("refreshToken").GetString();

        var second = await ReadSessionAsync(await PostAsync(SessionsPath + "/refresh", new { refreshToken = spent }));
        var replayed = await PostAsync(SessionsPath + "/refresh", new { refreshToken = spent });
        var afterReplay = await PostAsync(SessionsPath + "/refresh", new { refreshToken = second.GetProperty("refreshToken").GetString() });

        Assert.Equal(_world.BeijingDealerId, second.GetProperty("dealerId").GetGuid());
        Assert.NotEqual(first.GetProperty("accessToken").GetString(), second.GetProperty("accessToken").GetString());
        await AssertProblemAsync(replayed, HttpStatusCode.Unauthorized, Expired);
        await AssertProblemAsync(afterReplay, HttpStatusCode.Unauthorized, Expired);
        await AssertProblemAsync(await PostAsync(SessionsPath + "/refresh", new { refreshToken = "made-up" }), HttpStatusCode.Unauthorized, Expired);
    }

    [Fact]
    public async Task An_access_token_expires_after_30_minutes_and_an_unknown_mini_program_is_404()
    {
        var (code, _) = await LoginCodeAsync("Li Wei");
        var session = await ReadSessionAsync(await PostAsync(SessionsPath, new { appId = _world.MiniProgramAppId, code, dealerId = _world.BeijingDealerId }));
        var accessToken = session.GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/consumer/me", accessToken)).StatusCode);

        _world.Clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/api/consumer/me", accessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(SessionsPath, new { appId = _world.BeijingAppId, code = "any" })).StatusCode);
        var missing = await PostAsync(SessionsPath, new { appId = _world.MiniProgramAppId, code = "" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("code", out _));
    }

    [Fact]
    public async Task After_a_dealer_switch_me_answers_for_the_new_dealer_and_the_token_of_the_old_dealer_is_refused()
    {
        var guangzhou = (await Seed.In(_world.Host.Services).Brand(_world.BrandId)
            .Dealer("Aurora Guangzhou", d => d.Code("GZ01").Approved().LinkedAccount().LinkedCorp()))["Aurora Guangzhou"].Id;
        var (code, _) = await LoginCodeAsync("Li Wei");
        var beijing = await ReadSessionAsync(await PostAsync(SessionsPath, new { appId = _world.MiniProgramAppId, code, dealerId = _world.BeijingDealerId }));
        var beijingToken = beijing.GetProperty("accessToken").GetString()!;
        var before = await (await GetAsync("/api/consumer/me", beijingToken)).Content.ReadFromJsonAsync<JsonElement>();

        var switched = await ReadSessionAsync(await PostAsync(SessionsPath + "/dealer", new { dealerId = guangzhou }, beijingToken));
        var me = await GetAsync("/api/consumer/me", switched.GetProperty("accessToken").GetString()!);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var profile = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(guangzhou, profile.GetProperty("dealerId").GetGuid());
        Assert.Equal("Aurora Guangzhou", profile.GetProperty("dealerName").GetString());
        Assert.Equal(before.GetProperty("id").GetGuid(), profile.GetProperty("id").GetGuid());

        // The old dealer's token is refused once this node rechecks it (at most one recheck interval later).
        _world.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/api/consumer/complaints", beijingToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/consumer/complaints", switched.GetProperty("accessToken").GetString()!)).StatusCode);
    }

    [Fact]
    public async Task An_access_token_stops_working_within_the_recheck_interval_once_its_dealer_is_suspended_or_its_session_revoked()
    {
        var (first, _) = await LoginCodeAsync("Li Wei");
        var (second, _) = await LoginCodeAsync("Wang Fang");
        var suspended = await ReadSessionAsync(await PostAsync(SessionsPath, new { appId = _world.MiniProgramAppId, code = first, dealerId = _world.BeijingDealerId }));
        var replayed = await ReadSessionAsync(await PostAsync(SessionsPath, new { appId = _world.MiniProgramAppId, code = second, dealerId = _world.BeijingDealerId }));
        var suspendedToken = suspended.GetProperty("accessToken").GetString()!;
        var replayedToken = replayed.GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/consumer/me", suspendedToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/consumer/me", replayedToken)).StatusCode);

        // Wang Fang's refresh token is presented twice (a stolen copy): the whole session is revoked.
        var spent = replayed.GetProperty("refreshToken").GetString();
        var refreshed = await ReadSessionAsync(await PostAsync(SessionsPath + "/refresh", new { refreshToken = spent }));
        await PostAsync(SessionsPath + "/refresh", new { refreshToken = spent });
        await _world.ExecuteAsync("UPDATE dealers SET status = 'suspended' WHERE id = @BeijingDealerId", new { _world.BeijingDealerId });

        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/consumer/me", suspendedToken)).StatusCode);
        _world.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/api/consumer/me", suspendedToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/api/consumer/me", replayedToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/api/consumer/me", refreshed.GetProperty("accessToken").GetString()!)).StatusCode);
    }

    private async Task<(string Code, string OpenId)> LoginCodeAsync(string consumer)
    {
        var login = await _world.ControlAsync($"miniprogram/{_world.MiniProgramAppId}/login", new { consumer });
        return (login.GetProperty("code").GetString()!, login.GetProperty("openid").GetString()!);
    }

    private Task<HttpResponseMessage> PostAsync(string path, object body, string? accessToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = accessToken is null ? null : new AuthenticationHeaderValue("Bearer", accessToken);
        return _world.Host.Http.SendAsync(request);
    }

    private Task<HttpResponseMessage> GetAsync(string path, string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return _world.Host.Http.SendAsync(request);
    }

    private static async Task<JsonElement> ReadSessionAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? detail)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
        if (detail is not null)
        {
            Assert.Equal(detail, JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString());
        }
    }
}

public sealed class MiniProgramSessionTests_on_Sqlite() : MiniProgramSessionTests(DatabaseProvider.Sqlite);

public sealed class MiniProgramSessionTests_on_Postgres() : MiniProgramSessionTests(DatabaseProvider.Postgres);
