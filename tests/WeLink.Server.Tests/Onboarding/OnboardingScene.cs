using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.World;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;
using WeLink.Wechat.Tokens;

namespace WeLink.Server.Tests.Onboarding;

/// <summary>
/// A WeLink host with the sandbox, one brand with dealers, fresh tickets (unless asked for none), and browsers: an admin's (cookies kept,
/// redirects followed by hand so each leg is visible) and the sandbox's control API playing WeChat's people.
/// </summary>
public sealed class OnboardingScene : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private OnboardingScene(TestDatabase database, WeLinkTestHost host)
    {
        _database = database;
        Host = host;
    }

    public WeLinkTestHost Host { get; }

    public TestDatabase Database => _database;

    public Guid BrandId { get; private set; }

    public Guid DealerA { get; private set; }

    public Guid DealerB { get; private set; }

    public Guid PendingDealer { get; private set; }

    public SandboxWorld World => Host.Services.GetRequiredService<SandboxWorld>();

    public SandboxCredentials Credentials => Host.Services.GetRequiredService<SandboxCredentials>();

    /// <param name="provider">The database the scene runs on.</param>
    /// <param name="clock">WeLink's clock, when a test moves it (the sandbox keeps its own).</param>
    /// <param name="tickets">False for a WeLink to which neither platform has pushed its ticket yet.</param>
    public static async Task<OnboardingScene> StartAsync(DatabaseProvider provider, TimeProvider? clock = null, bool tickets = true)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        var host = await WeLinkTestHost.StartAsync(
            [.. database.HostArgs, "--Onboarding:WeComTestMode=true", "--Sandbox:PushTicketsOnSchedule=false"],
            builder =>
            {
                builder.Services.AddTransient<IStartupFilter, TestOnlyAdminSignIn>();
                if (clock is not null)
                {
                    builder.Services.AddSingleton(clock);
                }
            });
        var scene = new OnboardingScene(database, host);
        await scene.SeedAsync();
        if (tickets)
        {
            await scene.SaveTicketsAsync();
        }

        return scene;
    }

    public OfficialAccount Account(string nickname) => World.Snapshot().Accounts.Single(a => a.Nickname == nickname);

    public WecomCorp Corp(string name) => World.Snapshot().Corps.Single(c => c.Corp.Name == name).Corp;

    /// <summary>A browser signed in to the portal with the given role and scope.</summary>
    public async Task<HttpClient> AdminAsync(string role = AdminRoles.Platform, Guid? brand = null, Guid? dealer = null, string? email = null)
    {
        var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = Host.BaseAddress,
        };
        var signIn = await browser.GetAsync(new Uri($"{TestOnlyAdminSignIn.Path}?role={role}&brand={brand}&dealer={dealer}&email={email}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        return browser;
    }

    /// <summary>The sandbox's control API plays the person; returns the JSON answer.</summary>
    public async Task<JsonElement> ControlAsync(string path, object body)
    {
        var response = await Host.Http.PostAsJsonAsync(new Uri("/sandbox/control/" + path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    /// <summary>
    /// The sandbox's push reaches WeLink's callback URL as on the real platform; waits until it was delivered and the
    /// inbox has dispatched everything it holds.
    /// </summary>
    public async Task DeliverAsync(long pushId)
    {
        await Poll.UntilAsync(
            async () => JsonDocument.Parse(await Host.Http.GetStringAsync(new Uri($"/sandbox/control/pushes/{pushId}", UriKind.Relative)))
                .RootElement.GetProperty("status").GetString(),
            status => status is "Delivered" or "Failed",
            Deadline.BackgroundWork,
            $"push {pushId} to be delivered");
        await Poll.UntilAsync(
            () => _database.ScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 'pending'"),
            pending => pending == 0,
            Deadline.BackgroundWork,
            "the inbox to dispatch the push");
    }

    public async Task<JsonElement> LinkAsync(Guid dealerId)
    {
        using var admin = await AdminAsync();
        return JsonDocument.Parse(await admin.GetStringAsync(new Uri($"/api/admin/dealers/{dealerId}/link", UriKind.Relative))).RootElement;
    }

    public async Task<JsonElement> StaffAsync(Guid dealerId)
    {
        using var admin = await AdminAsync();
        return JsonDocument.Parse(await admin.GetStringAsync(new Uri($"/api/admin/dealers/{dealerId}/staff", UriKind.Relative))).RootElement.GetProperty("staff");
    }

    public static string Query(Uri uri, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query)[name].ToString();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        var aurora = await Seed.In(Host.Services).Brand("Aurora Motors")
            .Dealer("Dealer BJ01", d => d.Code("BJ01").Approved())
            .Dealer("Dealer SH01", d => d.Code("SH01").Approved())
            .Dealer("Dealer GZ01", d => d.Code("GZ01"));
        (BrandId, DealerA, DealerB, PendingDealer) = (aurora.Id, aurora.Dealers[0].Id, aurora.Dealers[1].Id, aurora.Dealers[2].Id);
    }

    private async Task SaveTicketsAsync()
    {
        var componentTicket = await ControlAsync("pushes/component-verify-ticket", new { });
        await Host.Services.GetRequiredService<IComponentTicketStore>()
            .SaveAsync(SandboxSettings.ComponentAppId, componentTicket.GetProperty("ticket").GetString()!, CancellationToken.None);
        var suiteTicket = await ControlAsync("pushes/suite-ticket", new { });
        await Host.Services.GetRequiredService<ISuiteTicketStore>()
            .SaveAsync(SandboxSettings.SuiteId, suiteTicket.GetProperty("ticket").GetString()!, CancellationToken.None);
    }
}
