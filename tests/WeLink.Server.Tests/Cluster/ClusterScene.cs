using System.Net.Http.Json;
using System.Text.Json;
using WeLink.Server.Tests.LocalRun;

namespace WeLink.Server.Tests.Cluster;

/// <summary>
/// A dealer linked through the cluster as a person links one, every request through the balancer: the bootstrap admin
/// signs in, creates a brand and a dealer, approves it, authorizes the sandbox's Beijing account and installs the app
/// in its Beijing corp (the sandbox's pages, the platform's pushes to the balancer).
/// </summary>
public sealed class ClusterScene
{
    private ClusterScene(ClusterRun cluster) => Cluster = cluster;

    public ClusterRun Cluster { get; }

    public Guid BrandId { get; private set; }

    public Guid DealerId { get; private set; }

    public string AppId { get; private set; } = "";

    public IReadOnlyList<string> Consumers { get; private set; } = [];

    public static async Task<ClusterScene> LinkBeijingDealerAsync(ClusterRun cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var scene = new ClusterScene(cluster);
        await scene.LinkAsync();
        return scene;
    }

    /// <summary>The sandbox's control API plays the person; returns its JSON answer.</summary>
    public async Task<JsonElement> ControlAsync(string path, object body)
    {
        using var response = await Cluster.Sandbox.PostAsJsonAsync(new Uri("/sandbox/control/" + path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"sandbox control {path}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> ControlGetAsync(string pathAndQuery) =>
        JsonDocument.Parse(await Cluster.Sandbox.GetStringAsync(new Uri("/sandbox/control/" + pathAndQuery, UriKind.Relative))).RootElement.Clone();

    private async Task LinkAsync()
    {
        var world = await ControlGetAsync("world");
        AppId = world.GetProperty("accounts").EnumerateArray()
            .Single(a => a.GetProperty("nickname").GetString() == "Aurora Motors Beijing Dealer").GetProperty("app_id").GetString()!;
        var corpId = world.GetProperty("corps").EnumerateArray()
            .Single(c => c.GetProperty("corp").GetProperty("name").GetString() == "Aurora Beijing Dealer").GetProperty("corp").GetProperty("corp_id").GetString()!;
        Consumers = [.. world.GetProperty("consumers").EnumerateArray().Select(c => c.GetProperty("consumer").GetProperty("id").GetString()!)];

        // Authorizing needs the component ticket and installing the suite ticket, which the sandbox pushes when it starts.
        foreach (var ticket in new[] { "component_verify_ticket", "suite_ticket" })
        {
            await Poll.UntilAsync(
                () => ControlGetAsync("pushes"),
                pushes => pushes.EnumerateArray().Any(p => p.GetProperty("kind").GetString() == ticket && p.GetProperty("status").GetString() == "Delivered"),
                LocalRunScene.Deadline,
                $"the sandbox's first {ticket} through the balancer");
        }

        using var admin = await SignInAdminAsync();
        BrandId = (await AdminJsonAsync(admin, HttpMethod.Post, "/api/admin/brands", new { name = "Aurora Motors" })).GetProperty("id").GetGuid();
        var dealer = await AdminJsonAsync(admin, HttpMethod.Post, $"/api/admin/brands/{BrandId}/dealers", new { code = "BJ01", name = "Aurora Beijing" });
        DealerId = dealer.GetProperty("id").GetGuid();
        await AdminJsonAsync(admin, HttpMethod.Post, $"/api/admin/dealers/{DealerId}/approve", new { version = dealer.GetProperty("version").GetInt32() });
        Assert.Contains("data-result=\"Bound\"", await OnboardingPages.AuthorizeThroughPagesAsync(admin, DealerId, AppId), StringComparison.Ordinal);
        Assert.Contains("data-result=\"Bound\"", await OnboardingPages.InstallThroughPagesAsync(admin, DealerId, corpId), StringComparison.Ordinal);
        var link = await AdminJsonAsync(admin, HttpMethod.Get, $"/api/admin/dealers/{DealerId}/link");
        Assert.True(link.GetProperty("linked").GetBoolean(), link.GetRawText());
    }

    /// <summary>
    /// Gives a member of the dealer's corp a role, as the dealer admin does on the staff page, once directory sync has
    /// brought the corp's staff; returns the member's WeCom userid (where the sandbox records the messages they get).
    /// </summary>
    public async Task<string> GrantRoleToFirstStaffAsync(string role)
    {
        using var admin = await SignInAdminAsync();
        var staff = await Poll.UntilAsync(
            () => AdminJsonAsync(admin, HttpMethod.Get, $"/api/admin/dealers/{DealerId}/staff"),
            s => s.GetProperty("staff").GetArrayLength() > 0,
            LocalRunScene.Deadline,
            "the corp's staff to be synced");
        var member = staff.GetProperty("staff")[0];
        await AdminJsonAsync(admin, HttpMethod.Put, $"/api/admin/dealers/{DealerId}/staff/{member.GetProperty("id").GetGuid()}/roles", new { roles = new[] { role } });
        return member.GetProperty("userId").GetString()!;
    }

    private async Task<HttpClient> SignInAdminAsync()
    {
        var admin = Cluster.NewBrowser();
        using var login = await admin.PostAsJsonAsync(
            new Uri("/api/admin/login", UriKind.Relative), new { email = LocalRunHost.AdminEmail, password = LocalRunHost.AdminPassword });
        Assert.True(login.IsSuccessStatusCode, $"bootstrap admin sign-in: {(int)login.StatusCode}");
        return admin;
    }

    private static async Task<JsonElement> AdminJsonAsync(HttpClient admin, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
