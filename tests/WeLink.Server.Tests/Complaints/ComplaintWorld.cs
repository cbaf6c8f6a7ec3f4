using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Faults;
using WeLink.Sandbox.Pushes;
using WeLink.Sandbox.Recording;
using WeLink.Sandbox.Time;
using WeLink.Sandbox.World;
using WeLink.Server.Cases.Admin;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tests.Admin;
using WeLink.Server.Tests.Identities;
using WeLink.Wechat.OpenPlatform;
using WeLink.Wechat.Tokens;
using WeLink.Wechat.WeCom;

namespace WeLink.Server.Tests.Complaints;

/// <summary>
/// A WeLink host with its in-process sandbox where two dealers of one brand are fully linked: the sandbox's Beijing and
/// Shanghai accounts authorized the component and both corps installed the suite (through the sandbox's control API, so
/// tokens are real), and the tenancy rows Onboarding would write are seeded through its stores. Beijing staff: Chen Jie is the service
/// manager, Zhao Lei the one service advisor, Sun Li the general manager, Liu Yang a consultant. Shanghai: Zhou Min is the
/// service manager, Wu Hao the service advisor. WeLink's clock is the system clock plus an offset (<see cref="Clock"/>).
/// Consumer notices use the status template WeLink adds to each account itself (<see cref="TemplateId"/>).
/// </summary>
public sealed class ComplaintWorld : IAsyncDisposable
{
    /// <summary>The sandbox library's status template, the default of <c>Messaging:StatusTemplate</c>.</summary>
    private const string TemplateTitle = "服务进度通知";
    internal const string RootEmail = "root@welink.test";
    internal const string RootPassword = "complaints-test-password-1";

    /// <summary>Everything the sandbox remembers: what a real WeChat or WeCom would still know after WeLink restarts.</summary>
    private static readonly Type[] SandboxState =
        [typeof(SandboxClock), typeof(SandboxWorld), typeof(SandboxCredentials), typeof(PushLog), typeof(MessageLog), typeof(FaultBook), typeof(QuotaBook)];

    private string[] _args;

    private ComplaintWorld(TestDatabase database, WeLinkTestHost host, OffsetTimeProvider clock, string[] args)
    {
        _args = args;
        Database = database;
        Host = host;
        Clock = clock;
    }

    public TestDatabase Database { get; }

    public WeLinkTestHost Host { get; private set; }

    public OffsetTimeProvider Clock { get; }

    public Guid BrandId { get; private set; }

    public Guid BeijingDealerId { get; private set; }

    public Guid ShanghaiDealerId { get; private set; }

    public string BeijingAppId { get; private set; } = "";

    public string BeijingCorpId { get; private set; } = "";

    /// <summary>The brand's mini program (the sandbox's "Aurora Motors Club"), authorized and the brand's.</summary>
    public string MiniProgramAppId { get; private set; } = "";

    public string ShanghaiCorpId { get; private set; } = "";

    /// <summary>The Beijing account's own id for the status template, once WeLink has added it (its first notice).</summary>
    public string TemplateId => Host.Services.GetRequiredService<SandboxWorld>().Snapshot().Accounts
        .Single(a => a.AppId == BeijingAppId).Templates.Single(t => t.Title == TemplateTitle).TemplateId;

    /// <summary>Sandbox consumer ids: Li Wei, Wang Fang, Zhang Min.</summary>
    public IReadOnlyList<string> People { get; private set; } = [];

    public StaffMember Manager { get; private set; } = null!;

    public StaffMember Advisor { get; private set; } = null!;

    public StaffMember GeneralManager { get; private set; } = null!;

    public StaffMember ShanghaiManager { get; private set; } = null!;

    public StaffMember ShanghaiAdvisor { get; private set; } = null!;

    /// <param name="provider">The database the world runs on.</param>
    /// <param name="args">Settings of the host beyond the world's own, e.g. a low filing limit; a restart keeps them.</param>
    public static async Task<ComplaintWorld> StartAsync(DatabaseProvider provider, params string[] args)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new OffsetTimeProvider();
        WeLinkTestHost? host = null;
        try
        {
            host = await StartHostAsync(database, clock, args, _ => { });
            var world = new ComplaintWorld(database, host, clock, args);
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

    /// <summary>
    /// Stops WeLink and starts a new host on the same database and clock, as a deploy or a crash would. The sandbox plays
    /// WeChat's and WeCom's servers, which do not restart with WeLink, so its world, credentials, pushes and recorded
    /// messages carry over into the new host's sandbox.
    /// </summary>
    /// <param name="changedSettings">Settings changed for the new host (a fix deployed with the restart); later ones win.</param>
    public async Task RestartAsync(params string[] changedSettings)
    {
        _args = [.. _args, .. changedSettings];
        var services = Host.Services;
        var carried = SandboxState.Select(type => (type, services.GetRequiredService(type))).ToList();
        await Host.DisposeAsync();
        Host = await StartHostAsync(Database, Clock, _args, s =>
        {
            foreach (var (type, instance) in carried)
            {
                s.AddSingleton(type, instance);
            }
        });
    }

    /// <summary>The first instant after now that is <paramref name="time"/> in Beijing, on <paramref name="day"/> when one is given.</summary>
    public DateTimeOffset NextBeijingTime(TimeOnly time, DayOfWeek? day = null)
    {
        var beijing = TimeSpan.FromHours(8); // China keeps no daylight saving time.
        var now = Clock.GetUtcNow().ToOffset(beijing);
        var next = new DateTimeOffset(now.Date + time.ToTimeSpan(), beijing);
        while (next <= now || (day is { } weekday && next.DayOfWeek != weekday))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    /// <summary>
    /// Moves WeLink's clock and the sandbox's (WeChat's) together, as real time moves both: the 48-hour window is judged
    /// by each, and pushes the sandbox stamps after the move still fall inside WeLink's timestamp window. The platforms push
    /// fresh tickets every few minutes, so the move ends with a push of each, as the time passed would have brought.
    /// </summary>
    public async Task AdvanceClocksAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await ControlAsync("clock/advance", new { seconds = (long)by.TotalSeconds });
        await PushTicketsAsync();
    }

    /// <summary>
    /// The component's and the suite's tickets pushed now, and stored as WeLink stores them on arrival; stored again once
    /// no ticket push is waiting in the inbox, so that one pushed before the clock moved cannot leave an older ticket in
    /// place.
    /// </summary>
    private async Task PushTicketsAsync()
    {
        await StoreFreshTicketsAsync();
        await Poll.UntilAsync(
            () => QuerySingleAsync<long>(
                "SELECT COUNT(*) FROM inbox WHERE status = 'pending' AND kind IN ('ComponentVerifyTicket', 'SuiteTicket')", new { }),
            pending => pending == 0,
            Deadline.Delivery,
            "the tickets pushed before the clock moved handled");
        await StoreFreshTicketsAsync();
    }

    private async Task StoreFreshTicketsAsync()
    {
        var services = Host.Services;
        var componentTicket = await ControlAsync("pushes/component-verify-ticket", new { });
        await services.GetRequiredService<IComponentTicketStore>()
            .SaveAsync(SandboxSettings.ComponentAppId, componentTicket.GetProperty("ticket").GetString()!, CancellationToken.None);
        var suiteTicket = await ControlAsync("pushes/suite-ticket", new { });
        await services.GetRequiredService<ISuiteTicketStore>()
            .SaveAsync(SandboxSettings.SuiteId, suiteTicket.GetProperty("ticket").GetString()!, CancellationToken.None);
    }

    /// <summary>The platform admin the host bootstraps, signed in.</summary>
    public Task<AdminClient> PlatformAdminAsync() => AdminClient.SignedInAsync(Host, RootEmail, RootPassword);

    /// <summary>A browser: keeps cookies, never follows redirects by itself.</summary>
    public HttpClient NewBrowser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };

    /// <summary>The person follows the Beijing account (so template messages reach them) and signs in through web OAuth.</summary>
    public async Task<HttpClient> ConsumerAsync(string person)
    {
        await FollowAsync(person);
        return await SignInAsync(person);
    }

    /// <summary>
    /// The person follows the Beijing account, and WeLink has taken the subscribe push. Follow before moving the clock:
    /// WeLink refuses a push whose timestamp lies outside its window, and the sandbox stamps pushes with real time.
    /// </summary>
    public async Task FollowAsync(string person)
    {
        var follow = await ControlAsync("consumers/follow", new { consumer_id = person, appid = BeijingAppId });
        if (follow.TryGetProperty("push_id", out var pushId) && pushId.ValueKind == JsonValueKind.Number)
        {
            await Host.Http.GetStringAsync(new Uri($"/sandbox/control/pushes/{pushId.GetInt64()}?wait_seconds=10", UriKind.Relative));
        }
    }

    /// <summary>The person signs in through web OAuth of the Beijing account; a browser holding the consumer session.</summary>
    public async Task<HttpClient> SignInAsync(string person)
    {
        var browser = NewBrowser();
        var signedIn = await IdentityWorld.SignInConsumerAsync(browser, BeijingDealerId, person);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    /// <summary>
    /// The person opens the brand's mini program from Beijing's account: a client carrying their bearer session with Beijing
    /// in context, and their openid in the mini program.
    /// </summary>
    public Task<(HttpClient Client, string OpenId)> MiniProgramConsumerAsync(string person) =>
        IdentityWorld.SignInMiniProgramAsync(Host.Http, MiniProgramAppId, person, BeijingDealerId);

    public async Task<HttpClient> StaffAsync(StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var browser = NewBrowser();
        var signedIn = await IdentityWorld.SignInStaffAsync(browser, member.UserId);
        Assert.True(
            signedIn.StatusCode == HttpStatusCode.Redirect,
            $"{member.UserId}'s sign-in answered {(int)signedIn.StatusCode}: {await signedIn.Content.ReadAsStringAsync()}");
        return browser;
    }

    /// <summary>A case as the platform reads it (state, assignee, history), whoever's it is.</summary>
    public Task<CaseDetails> CaseAsync(Guid id) =>
        Host.Services.GetRequiredService<CaseDetailsStore>().GetAsync(id, CaseScope.Platform, CancellationToken.None)!;

    public async Task<string> OpenIdAsync(string person)
    {
        var world = await SnapshotAsync();
        return world.GetProperty("consumers").EnumerateArray()
            .Single(c => c.GetProperty("consumer").GetProperty("id").GetString() == person)
            .GetProperty("identities").EnumerateArray()
            .Single(i => i.GetProperty("app_id").GetString() == BeijingAppId)
            .GetProperty("open_id").GetString()!;
    }

    /// <summary>What the sandbox recorded as sent through <paramref name="api"/> (template/send, wecom/message/send …) to the recipient.</summary>
    public async Task<IReadOnlyList<JsonElement>> MessagesAsync(string api, string recipient)
    {
        var text = await Host.Http.GetStringAsync(new Uri(
            $"/sandbox/control/messages?api={Uri.EscapeDataString(api)}&recipient={Uri.EscapeDataString(recipient)}", UriKind.Relative));
        return [.. JsonDocument.Parse(text).RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>Waits until the recipient has received <paramref name="count"/> messages through the api, and returns them.</summary>
    public Task<IReadOnlyList<JsonElement>> AwaitMessagesAsync(string api, string recipient, int count, string what) =>
        Poll.UntilAsync(() => MessagesAsync(api, recipient), m => m.Count >= count, Deadline.Delivery, what);

    public async Task<JsonElement> ControlAsync(string path, object body)
    {
        var response = await Host.Http.PostAsJsonAsync(new Uri("/sandbox/control/" + path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"sandbox control {path}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The staff member adds the person as a WeCom external contact; their external_userid in that corp.</summary>
    public async Task<string> AddExternalContactAsync(string person, string corpId, string userId) =>
        (await ControlAsync($"world/corps/{corpId}/external-contacts", new { consumer_id = person, userid = userId }))
            .GetProperty("external_user_id").GetString()!;

    /// <summary>Waits until WeLink knows the person's unionid, which it reads with the follow (user/info, after the push is answered).</summary>
    public async Task UnionIdKnownAsync(string person)
    {
        var openId = await OpenIdAsync(person);
        await Poll.UntilAsync(
            () => QuerySingleAsync<string?>("SELECT union_id FROM consumers WHERE open_id = @openId", new { openId }),
            unionId => unionId is not null,
            Deadline.BackgroundWork,
            "the unionid WeLink reads with the follow");
    }

    public async Task<T> QuerySingleAsync<T>(string sql, object parameters)
    {
        await using var connection = await Database.OpenAsync();
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static Task<WeLinkTestHost> StartHostAsync(TestDatabase database, OffsetTimeProvider clock, string[] args, Action<IServiceCollection> configure) =>
        WeLinkTestHost.StartAsync(
            [
                .. database.HostArgs, "--Sandbox:PushTicketsOnSchedule=false",
                // The portal's AdminOptions refuses an empty bootstrap email ([EmailAddress] on ""), so the host needs one.
                $"--Admin:BootstrapEmail={RootEmail}", $"--Admin:BootstrapPassword={RootPassword}", "--Cases:TimerPollInterval=00:00:00.2", "--Cases:OutboxPollInterval=00:00:00.2", .. args],
            builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(clock);
                configure(builder.Services);
            });

    private async Task<JsonElement> SnapshotAsync()
    {
        var text = await Host.Http.GetStringAsync(new Uri("/sandbox/control/world", UriKind.Relative));
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task BindAsync()
    {
        var sandbox = Host.Services.GetRequiredService<SandboxWorld>().Snapshot();
        var (beijing, shanghai) = (sandbox.Accounts[0], sandbox.Accounts[1]);
        var (beijingCorp, shanghaiCorp) = (sandbox.Corps[0], sandbox.Corps[1]);
        BeijingAppId = beijing.AppId;
        var miniProgram = sandbox.Accounts.Single(a => a.Kind == AccountKind.MiniProgram);
        MiniProgramAppId = miniProgram.AppId;
        (BeijingCorpId, ShanghaiCorpId) = (beijingCorp.Corp.CorpId, shanghaiCorp.Corp.CorpId);
        People = [.. sandbox.Consumers.Select(c => c.Consumer.Id)];
        (Manager, Advisor, GeneralManager) = (beijingCorp.Staff[0], beijingCorp.Staff[2], beijingCorp.Staff[3]);
        (ShanghaiManager, ShanghaiAdvisor) = (shanghaiCorp.Staff[0], shanghaiCorp.Staff[1]);

        var services = Host.Services;
        await PushTicketsAsync();

        var component = services.GetRequiredService<ComponentClient>();
        foreach (var appId in new[] { beijing.AppId, shanghai.AppId, miniProgram.AppId })
        {
            var preAuth = await component.CreatePreAuthCodeAsync(CancellationToken.None);
            var approval = await ControlAsync("component/approve", new { pre_auth_code = preAuth.PreAuthCode, appid = appId });
            var authorization = await component.QueryAuthAsync(approval.GetProperty("auth_code").GetString()!, CancellationToken.None);
            await services.GetRequiredService<IAuthorizerCredentialStore>()
                .SaveRefreshTokenAsync(appId, authorization.AuthorizationInfo.AuthorizerRefreshToken!, CancellationToken.None);
        }

        var seed = Seed.In(services);
        var aurora = await seed.Brand("Aurora Motors").MiniProgram(miniProgram.AppId, miniProgram.Nickname, miniProgram.OriginalId)
            .Dealer(beijingCorp.Corp.Name, d => d.Code("BJ01").Approved()
                .LinkedAccount(beijing.AppId, beijing.Nickname, beijing.OriginalId).LinkedCorp(beijingCorp.Corp.CorpId, beijingCorp.Corp.Name, beijingCorp.Corp.AgentId))
            .Dealer(shanghaiCorp.Corp.Name, d => d.Code("SH01").Approved()
                .LinkedAccount(shanghai.AppId, shanghai.Nickname, shanghai.OriginalId).LinkedCorp(shanghaiCorp.Corp.CorpId, shanghaiCorp.Corp.Name, shanghaiCorp.Corp.AgentId));
        (BrandId, BeijingDealerId, ShanghaiDealerId) = (aurora.Id, aurora.Dealers[0].Id, aurora.Dealers[1].Id);

        // Installed once the links exist: the create_auth push then finds its dealer, and onboarding stores the
        // permanent code that WeCom messages need.
        var suite = services.GetRequiredService<SuiteClient>();
        var corpCredentials = services.GetRequiredService<ICorpCredentialStore>();
        foreach (var corpId in new[] { BeijingCorpId, ShanghaiCorpId })
        {
            var suitePreAuth = await suite.GetPreAuthCodeAsync(CancellationToken.None);
            await ControlAsync("suite/install", new { pre_auth_code = suitePreAuth.PreAuthCode, corpid = corpId, state = "test" });
            await Poll.UntilAsync(
                () => corpCredentials.GetPermanentCodeAsync(corpId, CancellationToken.None), code => code is not null, Deadline.BackgroundWork, $"the permanent code of {corpId}");
        }

        // Onboarding's staff sync has written the rows by now; the seed refreshes them (same row) and gives each their role.
        foreach (var (dealerId, member, role) in new[]
        {
            (BeijingDealerId, Manager, StaffRoles.ServiceManager), (BeijingDealerId, beijingCorp.Staff[1], StaffRoles.Consultant),
            (BeijingDealerId, Advisor, StaffRoles.ServiceAdvisor), (BeijingDealerId, GeneralManager, StaffRoles.GeneralManager),
            (ShanghaiDealerId, ShanghaiManager, StaffRoles.ServiceManager), (ShanghaiDealerId, ShanghaiAdvisor, StaffRoles.ServiceAdvisor),
        })
        {
            await seed.StaffAsync(dealerId, member.UserId, s => s.Named(member.Name).Roles(role));
        }
    }
}
