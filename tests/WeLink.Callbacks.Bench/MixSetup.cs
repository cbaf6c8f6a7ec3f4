using System.Globalization;
using System.Net;
using System.Text.Json;
using WeLink.Testing;

namespace WeLink.Callbacks.Bench;

/// <summary>
/// Links dealers of a WeLink reached over HTTP whose in-process sandbox plays WeChat and WeCom, as a brand's admin and
/// its dealers would: the bootstrap admin creates a brand and approved dealers, each dealer's official account is
/// authorized and its corp installs the app through the pages, sandbox consumers follow the accounts and staff add some
/// of them as customers, each pushed to WeLink by the sandbox as the platforms push.
/// </summary>
internal sealed class MixSetup(HttpClient admin, HttpClient sandbox)
{
    private static readonly TimeSpan PushWait = TimeSpan.FromSeconds(30);
    private static readonly string[] Departments = ["Sales", "After-sales"];

    public static async Task<int> RunAsync(Uri baseUrl, string outFile, int dealers, int followers, int contacts, string adminEmail, string adminPassword)
    {
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        using var sandbox = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        var login = await admin.PostAsJsonAsync(new Uri("/api/admin/login", UriKind.Relative), new { email = adminEmail, password = adminPassword });
        Ensure(login.IsSuccessStatusCode, $"bootstrap admin sign-in: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        var world = await new MixSetup(admin, sandbox).LinkAsync(dealers, followers, contacts);
        world.Write(outFile);
        Console.Error.WriteLine(
            $"setup: {world.Dealers.Count} dealers linked, {world.Dealers.Sum(d => d.Followers.Count)} follows, {world.Dealers.Sum(d => d.Contacts.Count)} customers");
        return 0;
    }

    private async Task<MixWorld> LinkAsync(int dealerCount, int followerCount, int contactCount)
    {
        // Authorizing needs the component ticket and installing the suite ticket: push both now rather than wait for the schedule.
        await DeliveredAsync(await ControlAsync("pushes/component-verify-ticket", new { }));
        await DeliveredAsync(await ControlAsync("pushes/suite-ticket", new { }));

        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var owner = (await ControlAsync("world/owners", new { name = "Bench brand " + run })).GetProperty("id").GetString()!;
        var brand = (await AdminAsync(HttpMethod.Post, "/api/admin/brands", new { name = "压测品牌 " + run })).GetProperty("id").GetGuid();
        var consumers = new List<string>(followerCount);
        for (var i = 0; i < followerCount; i++)
        {
            consumers.Add((await ControlAsync("world/consumers", new { nickname = $"Bench consumer {i}" })).GetProperty("id").GetString()!);
        }

        var linked = new List<MixDealer>(dealerCount);
        for (var d = 0; d < dealerCount; d++)
        {
            linked.Add(await LinkDealerAsync(brand, owner, run, d, consumers, contactCount));
        }

        return new MixWorld(linked);
    }

    private async Task<MixDealer> LinkDealerAsync(Guid brand, string owner, string run, int index, List<string> consumers, int contactCount)
    {
        var name = $"Bench dealer {index:D2}";
        var account = await ControlAsync("world/accounts", new { owner_id = owner, nickname = name, kind = "ServiceAccount", verified = true });
        var corp = await ControlAsync("world/corps", new { name, departments = Departments, owner_id = owner });
        var (appId, originalId, corpId) = (
            account.GetProperty("app_id").GetString()!, account.GetProperty("original_id").GetString()!, corp.GetProperty("corp_id").GetString()!);
        var staff = new List<string>();
        for (var s = 0; s < 2; s++)
        {
            var member = await ControlAsync(
                $"world/corps/{corpId}/staff",
                new { name = $"Bench staff {index}-{s}", department_id = 2, position = "Sales consultant", mobile = $"139{index:D4}{s:D4}" });
            staff.Add(member.GetProperty("user_id").GetString()!);
        }

        var dealer = await AdminAsync(HttpMethod.Post, $"/api/admin/brands/{brand}/dealers", new { code = $"B{run[^6..]}{index:D2}", name = $"压测经销商 {index:D2}" });
        var dealerId = dealer.GetProperty("id").GetGuid();
        await AdminAsync(HttpMethod.Post, $"/api/admin/dealers/{dealerId}/approve", new { version = dealer.GetProperty("version").GetInt32() });
        Ensure(
            (await OnboardingPages.AuthorizeThroughPagesAsync(admin, dealerId, appId)).Contains("data-result=\"Bound\"", StringComparison.Ordinal),
            $"authorizing {appId} for {name}");
        Ensure(
            (await OnboardingPages.InstallThroughPagesAsync(admin, dealerId, corpId)).Contains("data-result=\"Bound\"", StringComparison.Ordinal),
            $"installing in {corpId} for {name}");

        var followers = new List<string>(consumers.Count);
        foreach (var consumer in consumers)
        {
            var follow = await ControlAsync("consumers/follow", new { consumer_id = consumer, appid = appId });
            await DeliveredAsync(follow);
            followers.Add(follow.GetProperty("openid").GetString()!);
        }

        var contacts = new List<MixContact>(contactCount);
        foreach (var consumer in consumers.Take(contactCount))
        {
            var userId = staff[contacts.Count % staff.Count];
            var added = await ControlAsync("wecom/external-contacts/add", new { corpid = corpId, userid = userId, consumer_id = consumer });
            await DeliveredAsync(added);
            contacts.Add(new MixContact(userId, added.GetProperty("external_userid").GetString()!));
        }

        return new MixDealer(dealerId, appId, originalId, corpId, staff, followers, contacts);
    }

    private async Task<JsonElement> AdminAsync(HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        var response = await admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Ensure(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private async Task<JsonElement> ControlAsync(string path, object body)
    {
        var response = await sandbox.PostAsJsonAsync(new Uri("/sandbox/control/" + path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Ensure(response.IsSuccessStatusCode, $"sandbox control {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Waits until the sandbox delivered the push the control call made (WeLink answered it), so the next step finds its effect stored.</summary>
    private async Task DeliveredAsync(JsonElement pushed)
    {
        var id = pushed.GetProperty("push_id").GetInt64();
        var push = JsonDocument.Parse(await sandbox.GetStringAsync(
            new Uri($"/sandbox/control/pushes/{id}?wait_seconds={PushWait.TotalSeconds}", UriKind.Relative))).RootElement;
        Ensure(push.GetProperty("status").GetString() == "Delivered", $"push {id} ({push.GetProperty("kind").GetString()}): {push.GetRawText()}");
    }

    private static void Ensure(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("setup failed: " + what);
        }
    }
}
