using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.World;
using WeLink.Wechat.Tokens;

namespace WeLink.Server.Tests.LocalRun;

/// <summary>
/// What a newcomer does after `dotnet run`, through the same pages and APIs: sign in as the bootstrap admin, create a
/// brand and a dealer, approve it, authorize the Beijing account and install the app in the Beijing corp.
/// </summary>
public sealed class LocalRunScene
{
    /// <summary>A whole WeLink process starting, restarting or settling on its own, slower than work inside a test host.</summary>
    public static readonly Deadline Deadline = new("the local run", TimeSpan.FromSeconds(60));

    private const string ComponentAppId = "wx5a1dc0c0a1d00001";

    private LocalRunScene(LocalRunHost host, HttpClient admin)
    {
        Host = host;
        Admin = admin;
    }

    public LocalRunHost Host { get; }

    /// <summary>The bootstrap admin's browser (cookies kept, redirects not followed).</summary>
    public HttpClient Admin { get; private set; }

    public Guid BrandId { get; private set; }

    public Guid DealerId { get; private set; }

    public string AppId { get; private set; } = "";

    public string CorpId { get; private set; } = "";

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    public IReadOnlyList<string> Consumers { get; private set; } = [];

    public static async Task<LocalRunScene> LinkBeijingDealerAsync(LocalRunHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var scene = new LocalRunScene(host, await SignInAdminAsync(host));
        await scene.LinkAsync();
        return scene;
    }

    /// <summary>After a restart the old admin session is signed in again, as a person would.</summary>
    public async Task SignInAgainAsync()
    {
        Admin.Dispose();
        Admin = await SignInAdminAsync(Host);
    }

    public HttpClient NewBrowser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };

    public async Task<JsonElement> AdminJsonAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await Admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    public async Task<JsonElement> ControlAsync(string path, object body)
    {
        var response = await Host.Http.PostAsJsonAsync(new Uri("/sandbox/control/" + path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"sandbox control {path}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    /// <summary>What the sandbox's phones received addressed to this openid or WeCom user id, oldest first (only of one API when named).</summary>
    public async Task<IReadOnlyList<JsonElement>> MessagesToAsync(string recipient, string? api = null)
    {
        var query = $"recipient={Uri.EscapeDataString(recipient)}" + (api is null ? "" : $"&api={Uri.EscapeDataString(api)}");
        var text = await Host.Http.GetStringAsync(new Uri("/sandbox/control/messages?" + query, UriKind.Relative));
        return [.. JsonDocument.Parse(text).RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>WeLink's staff row id of a corp member, once directory sync has written it.</summary>
    public async Task<Guid> StaffIdAsync(string userId)
    {
        var staff = await Poll.UntilAsync(
            () => AdminJsonAsync(HttpMethod.Get, $"/api/admin/dealers/{DealerId}/staff"),
            s => s.GetProperty("staff").EnumerateArray().Any(m => m.GetProperty("userId").GetString() == userId),
            Deadline,
            $"staff member {userId} to be synced");
        return staff.GetProperty("staff").EnumerateArray().Single(m => m.GetProperty("userId").GetString() == userId).GetProperty("id").GetGuid();
    }

    public async Task GrantRoleAsync(string userId, string role) =>
        await AdminJsonAsync(HttpMethod.Put, $"/api/admin/dealers/{DealerId}/staff/{await StaffIdAsync(userId)}/roles", new { roles = new[] { role } });

    private static async Task<HttpClient> SignInAdminAsync(LocalRunHost host)
    {
        var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        var login = await admin.PostAsJsonAsync(
            new Uri("/api/admin/login", UriKind.Relative), new { email = LocalRunHost.AdminEmail, password = LocalRunHost.AdminPassword });
        Assert.True(login.IsSuccessStatusCode, $"bootstrap admin sign-in: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        return admin;
    }

    private async Task LinkAsync()
    {
        var world = Host.Services.GetRequiredService<SandboxWorld>().Snapshot();
        AppId = world.Accounts.Single(a => a.Nickname == "Aurora Motors Beijing Dealer").AppId;
        var corp = world.Corps.Single(c => c.Corp.Name == "Aurora Beijing Dealer");
        CorpId = corp.Corp.CorpId;
        Staff = corp.Staff;
        Consumers = [.. world.Consumers.Select(c => c.Consumer.Id)];

        // The sandbox pushes its first tickets once the host has started; authorizing needs the component ticket.
        var tickets = Host.Services.GetRequiredService<IComponentTicketStore>();
        await Poll.UntilAsync(() => tickets.GetAsync(ComponentAppId, CancellationToken.None), t => t is not null, Deadline, "the first component_verify_ticket");

        var brand = await AdminJsonAsync(HttpMethod.Post, "/api/admin/brands", new { name = "Aurora Motors" });
        BrandId = brand.GetProperty("id").GetGuid();
        var dealer = await AdminJsonAsync(HttpMethod.Post, $"/api/admin/brands/{BrandId}/dealers", new { code = "BJ01", name = "Aurora Beijing" });
        DealerId = dealer.GetProperty("id").GetGuid();
        await AdminJsonAsync(HttpMethod.Post, $"/api/admin/dealers/{DealerId}/approve", new { version = dealer.GetProperty("version").GetInt32() });

        Assert.Contains("data-result=\"Bound\"", await OnboardingPages.AuthorizeThroughPagesAsync(Admin, DealerId, AppId), StringComparison.Ordinal);
        Assert.Contains("data-result=\"Bound\"", await OnboardingPages.InstallThroughPagesAsync(Admin, DealerId, CorpId), StringComparison.Ordinal);
        var link = await AdminJsonAsync(HttpMethod.Get, $"/api/admin/dealers/{DealerId}/link");
        Assert.True(link.GetProperty("linked").GetBoolean(), link.GetRawText());
    }
}
