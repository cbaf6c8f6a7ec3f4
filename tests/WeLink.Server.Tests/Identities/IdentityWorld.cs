using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Data;
using WeLink.Server.Identities;
using WeLink.Server.Tenancy.Access;
using WeLink.Wechat.Messages;
using WeLink.Wechat.OpenPlatform;
using WeLink.Wechat.Tokens;
using WeLink.Wechat.WeCom;

namespace WeLink.Server.Tests.Identities;

/// <summary>
/// A WeLink host on a fake clock with its in-process sandbox, where the sandbox's Beijing and Shanghai dealer
/// accounts have authorized the component and the Beijing corp has installed the suite (through the sandbox's
/// control API, so the sandbox issues real tokens), and the matching tenancy rows are seeded through the stores
/// onboarding writes them with: both dealers of one brand link their account; only Beijing links
/// its corp. Beijing's first staff member has two roles, the second none, the third has left, the fourth has
/// no row (outside the visible range).
/// </summary>
public sealed class IdentityWorld : IAsyncDisposable
{
    private IdentityWorld(TestDatabase database, WeLinkTestHost host, FakeTimeProvider clock)
    {
        Database = database;
        Host = host;
        Clock = clock;
    }

    public TestDatabase Database { get; }

    public WeLinkTestHost Host { get; }

    /// <summary>WeLink's clock; the sandbox keeps its own (moved with <see cref="AdvanceSandboxAsync"/>).</summary>
    public FakeTimeProvider Clock { get; }

    public Guid BrandId { get; private set; }

    public Guid BeijingDealerId { get; private set; }

    public Guid ShanghaiDealerId { get; private set; }

    public string BeijingAppId { get; private set; } = "";

    public string ShanghaiAppId { get; private set; } = "";

    public string BeijingCorpId { get; private set; } = "";

    /// <summary>The sandbox's mini program ("Aurora Motors Club"), authorized to the component and linked to the brand.</summary>
    public string MiniProgramAppId { get; private set; } = "";

    /// <summary>An approved, linked dealer of another brand (Borealis), for refusals.</summary>
    public Guid OtherBrandDealerId { get; private set; }

    public Guid OtherBrandId { get; private set; }

    public string ShanghaiCorpId { get; private set; } = "";

    /// <summary>Sandbox consumer ids (people with WeChat), in seed order: Li Wei, Wang Fang, Zhang Min.</summary>
    public IReadOnlyList<string> People { get; private set; } = [];

    /// <summary>Beijing corp userids in seed order, and the staff ids of the first three.</summary>
    public IReadOnlyList<string> BeijingUserIds { get; private set; } = [];

    public Guid ManagerStaffId { get; private set; }

    public Guid PlainStaffId { get; private set; }

    public Guid LeftStaffId { get; private set; }

    public static async Task<IdentityWorld> StartAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        WeLinkTestHost? host = null;
        try
        {
            // The rows are seeded by hand; onboarding must not sync the same staff from the install push.
            host = await WeLinkTestHost.StartAsync(
                [.. database.HostArgs, "--Sandbox:PushTicketsOnSchedule=false", "--Inbox:DispatchEnabled=false"],
                builder => builder.Services.AddSingleton<TimeProvider>(clock));
            var world = new IdentityWorld(database, host, clock);
            await world.BindAsync();
            return world;
        }
        catch
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }

            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>A browser: keeps cookies, never follows redirects by itself.</summary>
    public HttpClient NewBrowser(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = Host.BaseAddress,
        };

    /// <summary>Asks WeLink for the consumer sign-in link and returns where it sends the browser (WeChat's authorize page).</summary>
    public static Task<Uri> StartConsumerSignInAsync(HttpClient browser, Guid dealerId, string scope = "base", string returnUrl = "/welcome") =>
        ConsumerPages.StartSignInAsync(browser, dealerId, scope, returnUrl);

    public static async Task<Uri> StartStaffSignInAsync(HttpClient browser, string returnUrl = "/app")
    {
        var start = await browser.GetAsync(new Uri($"/staff/signin?returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        return start.Headers.Location!;
    }

    /// <summary>The person consents on the platform's OAuth page; returns the callback URL it sends the browser to.</summary>
    public static Task<Uri> ConsentAsync(HttpClient browser, Uri authorize, string actor) => ConsumerPages.ConsentAsync(browser, authorize, actor);

    /// <summary>The consumer presses "Deny" on the OAuth page.</summary>
    public async Task<Uri> DenyAsync(HttpClient browser, Uri authorize, string actor)
    {
        var query = QueryHelpers.ParseQuery(authorize.Query);
        var deny = await browser.PostAsync(new Uri(Host.BaseAddress, "/sandbox/open/connect/oauth2/authorize/approve"), new FormUrlEncodedContent(
        [
            new("appid", query["appid"].ToString()),
            new("redirect_uri", query["redirect_uri"].ToString()),
            new("scope", query["scope"].ToString()),
            new("state", query["state"].ToString()),
            new("actor", actor),
            new("deny", "1"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, deny.StatusCode);
        return deny.Headers.Location!;
    }

    /// <summary>The whole consumer sign-in, ending with WeLink's answer to the callback.</summary>
    public static Task<HttpResponseMessage> SignInConsumerAsync(
        HttpClient browser, Guid dealerId, string person, string scope = "base", string returnUrl = "/welcome") =>
        ConsumerPages.SignInAsync(browser, dealerId, person, scope, returnUrl);

    /// <summary>
    /// The person opens the mini program: wx.login on their sandbox phone, WeLink's session with the dealer in context.
    /// </summary>
    /// <returns>A client carrying the session's bearer token, and the person's openid in the mini program.</returns>
    public static async Task<(HttpClient Client, string OpenId)> SignInMiniProgramAsync(HttpClient http, string appId, string person, Guid dealerId)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var loggedIn = await http.PostAsJsonAsync(new Uri($"/sandbox/control/miniprogram/{appId}/login", UriKind.Relative), new { consumer = person });
        var login = await loggedIn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(loggedIn.IsSuccessStatusCode, login.ToString());
        using var signIn = await http.PostAsJsonAsync(
            new Uri("/api/consumer/miniprogram/sessions", UriKind.Relative), new { appId, code = login.GetProperty("code").GetString(), dealerId });
        var session = await signIn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(signIn.IsSuccessStatusCode, session.ToString());
        var client = new HttpClient { BaseAddress = http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", session.GetProperty("accessToken").GetString());
        return (client, login.GetProperty("openid").GetString()!);
    }

    public static async Task<HttpResponseMessage> SignInStaffAsync(HttpClient browser, string userId, string returnUrl = "/app")
    {
        var authorize = await StartStaffSignInAsync(browser, returnUrl);
        return await browser.GetAsync(await ConsentAsync(browser, authorize, userId));
    }

    /// <summary>An admin cookie exactly as the admin scheme would issue it.</summary>
    public string AdminCookie()
    {
        var options = Host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(WeLinkSchemes.Admin);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(WeLinkClaims.SubjectId, Guid.NewGuid().ToString()), new Claim(WeLinkClaims.Role, AdminRoles.Platform)],
            WeLinkSchemes.Admin));
        var properties = new AuthenticationProperties { IssuedUtc = Clock.GetUtcNow(), ExpiresUtc = Clock.GetUtcNow().AddHours(8) };
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(new AuthenticationTicket(principal, properties, WeLinkSchemes.Admin))}";
    }

    /// <summary>The openid the sandbox gave this person for this account.</summary>
    public async Task<string> OpenIdAsync(string appId, string person)
    {
        var world = await SnapshotAsync();
        return world.GetProperty("consumers").EnumerateArray()
            .Single(c => c.GetProperty("consumer").GetProperty("id").GetString() == person)
            .GetProperty("identities").EnumerateArray()
            .Single(i => i.GetProperty("app_id").GetString() == appId)
            .GetProperty("open_id").GetString()!;
    }

    public async Task<string> UnionIdAsync(string appId, string person)
    {
        var world = await SnapshotAsync();
        return world.GetProperty("consumers").EnumerateArray()
            .Single(c => c.GetProperty("consumer").GetProperty("id").GetString() == person)
            .GetProperty("identities").EnumerateArray()
            .Single(i => i.GetProperty("app_id").GetString() == appId)
            .GetProperty("union_id").GetString()!;
    }

    public async Task<JsonElement> ControlAsync(string path, object body)
    {
        var response = await Host.Http.PostAsJsonAsync(new Uri("/sandbox/control/" + path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"sandbox control {path}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Makes the sandbox act and returns the payload it pushed, parsed as the callback endpoint would.</summary>
    public async Task<CallbackMessage> PushedAsync(string action, object body)
    {
        var pushId = (await ControlAsync(action, body)).GetProperty("push_id").GetInt64();
        var push = JsonDocument.Parse(await Host.Http.GetStringAsync(new Uri($"/sandbox/control/pushes/{pushId}", UriKind.Relative))).RootElement;
        return CallbackMessageParser.Parse(push.GetProperty("plaintext").GetString()!);
    }

    /// <summary>The follow handler takes an account's push as the inbox dispatcher (off in this world) would.</summary>
    public Task HandleFollowAsync(CallbackMessage message, string appId) =>
        Host.Services.GetRequiredService<ConsumerFollowHandler>().HandleAsync(
            new InboxEvent(Guid.CreateVersion7(), CallbackChannel.Account, appId, Clock.GetUtcNow(), 1), message, CancellationToken.None);

    /// <summary>The person follows the account, and WeLink handles the push.</summary>
    public async Task FollowAsync(string person, string appId) =>
        await HandleFollowAsync(await PushedAsync("consumers/follow", new { consumer_id = person, appid = appId }), appId);

    public Task AdvanceSandboxAsync(TimeSpan span) => ControlAsync("clock/advance", new { seconds = span.TotalSeconds });

    public async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }

    private async Task<JsonElement> SnapshotAsync()
    {
        var text = await Host.Http.GetStringAsync(new Uri("/sandbox/control/world", UriKind.Relative));
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task BindAsync()
    {
        var world = await SnapshotAsync();
        var accounts = world.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("app_id").GetString()!).ToList();
        var corps = world.GetProperty("corps").EnumerateArray().ToList();
        (BeijingAppId, ShanghaiAppId) = (accounts[0], accounts[1]);
        MiniProgramAppId = world.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "MiniProgram").GetProperty("app_id").GetString()!;
        (BeijingCorpId, ShanghaiCorpId) = (CorpIdOf(corps[0]), CorpIdOf(corps[1]));
        People = [.. world.GetProperty("consumers").EnumerateArray().Select(c => c.GetProperty("consumer").GetProperty("id").GetString()!)];
        BeijingUserIds = [.. corps[0].GetProperty("staff").EnumerateArray().Select(s => s.GetProperty("user_id").GetString()!)];

        var services = Host.Services;
        var componentTicket = await ControlAsync("pushes/component-verify-ticket", new { });
        await services.GetRequiredService<IComponentTicketStore>()
            .SaveAsync(SandboxSettings.ComponentAppId, componentTicket.GetProperty("ticket").GetString()!, CancellationToken.None);
        var suiteTicket = await ControlAsync("pushes/suite-ticket", new { });
        await services.GetRequiredService<ISuiteTicketStore>()
            .SaveAsync(SandboxSettings.SuiteId, suiteTicket.GetProperty("ticket").GetString()!, CancellationToken.None);

        var component = services.GetRequiredService<ComponentClient>();
        var preAuthMiniProgram = await component.CreatePreAuthCodeAsync(CancellationToken.None);
        await ControlAsync("component/approve", new { pre_auth_code = preAuthMiniProgram.PreAuthCode, appid = MiniProgramAppId });
        foreach (var appId in new[] { BeijingAppId, ShanghaiAppId })
        {
            var preAuth = await component.CreatePreAuthCodeAsync(CancellationToken.None);
            var approval = await ControlAsync("component/approve", new { pre_auth_code = preAuth.PreAuthCode, appid = appId });
            var authorization = await component.QueryAuthAsync(approval.GetProperty("auth_code").GetString()!, CancellationToken.None);
            await services.GetRequiredService<IAuthorizerCredentialStore>()
                .SaveRefreshTokenAsync(appId, authorization.AuthorizationInfo.AuthorizerRefreshToken!, CancellationToken.None);
        }

        var suite = services.GetRequiredService<SuiteClient>();
        var suitePreAuth = await suite.GetPreAuthCodeAsync(CancellationToken.None);
        await ControlAsync("suite/install", new { pre_auth_code = suitePreAuth.PreAuthCode, corpid = BeijingCorpId, state = "test" });

        await SeedTenancyAsync();
    }

    private async Task SeedTenancyAsync()
    {
        var aurora = await Seed.In(Host.Services).Brand("Aurora Motors").MiniProgram(MiniProgramAppId, "Aurora Motors Club")
            .Dealer("Aurora Beijing", d => d.Code("BJ01").Approved()
                .LinkedAccount(BeijingAppId, "Aurora Motors Beijing Dealer")
                .LinkedCorp(BeijingCorpId, "Aurora Beijing Dealer")
                .Staff(BeijingUserIds[0], s => s.Named("Chen Jie").Roles(StaffRoles.ServiceManager, StaffRoles.Consultant))
                .Staff(BeijingUserIds[1], s => s.Named("Liu Yang"))
                .Staff(BeijingUserIds[2], s => s.Named("Zhao Lei").Left()))
            .Dealer("Aurora Shanghai", d => d.Code("SH01").Approved().LinkedAccount(ShanghaiAppId, "Aurora Motors Shanghai Dealer"));
        var beijing = aurora["Aurora Beijing"];
        var borealis = await Seed.In(Host.Services).Brand("Borealis")
            .Dealer("Borealis Tianjin", d => d.Code("TJ01").Approved().LinkedAccount().LinkedCorp());
        (OtherBrandId, OtherBrandDealerId) = (borealis.Id, borealis["Borealis Tianjin"].Id);
        (BrandId, BeijingDealerId, ShanghaiDealerId) = (aurora.Id, beijing.Id, aurora["Aurora Shanghai"].Id);
        (ManagerStaffId, PlainStaffId, LeftStaffId) =
            (beijing.StaffMember(BeijingUserIds[0]).Id, beijing.StaffMember(BeijingUserIds[1]).Id, beijing.StaffMember(BeijingUserIds[2]).Id);
    }

    private static string CorpIdOf(JsonElement corp) => corp.GetProperty("corp").GetProperty("corp_id").GetString()!;
}
