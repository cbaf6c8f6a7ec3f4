using System.Globalization;
using System.Net;
using System.Text.Json;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Tenancy.Access;
using WeLink.Testing;

namespace WeLink.Callbacks.Bench;

/// <summary>
/// Links dealers of a WeLink reached over HTTP whose sandbox plays WeChat and WeCom (in WeLink's process, or the one
/// standalone sandbox that a cluster's nodes share, reached at its own address), as a brand's admin and its dealers
/// would: the bootstrap admin creates a brand and approved dealers, each dealer's official account is authorized and its
/// corp installs the app through the pages, sandbox consumers follow the accounts and staff add some of them as
/// customers, each pushed to WeLink by the sandbox as the platforms push. Then the dealer admin gives the
/// corp's two members their roles (service advisor, service manager) on the staff API, and followers file complaints
/// through the consumer API after signing in with WeChat's OAuth, as their browsers do: open cases whose new-complaint
/// cards the mix presses.
/// </summary>
internal sealed class MixSetup(HttpClient admin, HttpClient sandbox)
{
    /// <summary>The new-complaint card's button the mix presses: it moves a case from received to in progress.</summary>
    private const string Acknowledge = "acknowledge";

    private static readonly TimeSpan PushWait = TimeSpan.FromSeconds(30);
    private static readonly string[] Departments = ["Sales", "After-sales"];
    private static readonly TimeSpan CardWait = TimeSpan.FromMinutes(3);

    /// <summary>Consumers filing at once per dealer: enough to keep WeLink busy, few enough to leave the others' setup room.</summary>
    private const int Filers = 4;

    public static async Task<int> RunAsync(
        Uri baseUrl, Uri sandboxUrl, string outFile, int dealers, int followers, int contacts, int cases, string adminEmail, string adminPassword)
    {
        using var admin = Browser(baseUrl);
        using var sandbox = new HttpClient { BaseAddress = sandboxUrl, Timeout = TimeSpan.FromMinutes(2) };
        var login = await admin.PostAsJsonAsync(new Uri("/api/admin/login", UriKind.Relative), new { email = adminEmail, password = adminPassword });
        Ensure(login.IsSuccessStatusCode, $"bootstrap admin sign-in: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        var started = TimeProvider.System.GetTimestamp();
        var world = await new MixSetup(admin, sandbox).LinkAsync(dealers, followers, contacts, cases);
        world.Write(outFile);
        Console.Error.WriteLine(
            $"setup: {world.Dealers.Count} dealers linked, {world.Dealers.Sum(d => d.Followers.Count)} follows, {world.Dealers.Sum(d => d.Contacts.Count)} customers,"
            + $" {world.Dealers.Sum(d => d.Cases.Count)} open complaints with their cards, in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0} s");
        return 0;
    }

    private async Task<MixWorld> LinkAsync(int dealerCount, int followerCount, int contactCount, int caseCount)
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

        var filing = TimeProvider.System.GetTimestamp();
        var filed = await Task.WhenAll(linked.Select(dealer => OpenCasesAsync(dealer, consumers, caseCount)));
        var filedIn = TimeProvider.System.GetElapsedTime(filing);
        var cards = await CardsAsync([.. filed.SelectMany(f => f)]);
        Console.Error.WriteLine(
            $"setup: {filed.Sum(f => f.Count)} complaints filed in {filedIn.TotalSeconds:0} s, their cards all sent {TimeProvider.System.GetElapsedTime(filing).TotalSeconds:0} s after the first filing");
        return new MixWorld([.. linked.Select((dealer, d) => WithCases(dealer, filed[d], cards))]);
    }

    /// <summary>
    /// The corp's members get their roles, as the dealer admin gives them on the staff page, and the followers file
    /// <paramref name="count"/> complaints in turn, <see cref="Filers"/> at a time; returns the cases.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> OpenCasesAsync(MixDealer dealer, List<string> consumers, int count)
    {
        await GrantRoleAsync(dealer, dealer.StaffUserIds[0], StaffRoles.ServiceAdvisor);
        await GrantRoleAsync(dealer, dealer.StaffUserIds[1], StaffRoles.ServiceManager);
        var filers = consumers.Take(Filers).ToList();
        var filed = await Task.WhenAll(filers.Select(async (consumer, f) =>
        {
            using var browser = Browser(admin.BaseAddress!);
            var signedIn = await ConsumerPages.SignInAsync(browser, dealer.DealerId, consumer);
            Ensure(signedIn.StatusCode == HttpStatusCode.Redirect, $"{consumer} signing in to {dealer.DealerId}: {(int)signedIn.StatusCode}");
            var cases = new List<Guid>();
            for (var i = f; i < count; i += filers.Count)
            {
                cases.Add(await FileComplaintAsync(browser, $"bench-{dealer.DealerId:N}-{i}"));
            }

            return cases;
        }));
        return [.. filed.SelectMany(c => c)];
    }

    private async Task GrantRoleAsync(MixDealer dealer, string userId, string role)
    {
        var staffPath = $"/api/admin/dealers/{dealer.DealerId}/staff";
        JsonElement member = default;
        await UntilAsync(
            async () =>
            {
                var staff = (await AdminAsync(HttpMethod.Get, staffPath, null)).GetProperty("staff").EnumerateArray();
                member = staff.FirstOrDefault(s => s.GetProperty("userId").GetString() == userId);
                return member.ValueKind == JsonValueKind.Object;
            },
            PushWait,
            $"{userId} of {dealer.CorpId} synced to WeLink's staff");
        await AdminAsync(HttpMethod.Put, $"{staffPath}/{member.GetProperty("id").GetGuid()}/roles", new { roles = new[] { role } });
    }

    /// <summary>A complaint as the consumer's page files it; returns its case.</summary>
    private static async Task<Guid> FileComplaintAsync(HttpClient browser, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/consumer/complaints", UriKind.Relative))
        {
            Content = JsonContent.Create(new { category = "服务态度", description = "压测：保养后沟通时态度冷淡。", severity = "normal", vehicle = "京A12345" }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await browser.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Ensure(response.StatusCode == HttpStatusCode.Created, $"filing a complaint: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Waits until every case's new-complaint card reached the staff (the outbox sends them), and returns each case's card
    /// as WeCom recorded it: the task id, the agent that sent it, who received it.
    /// </summary>
    private async Task<Dictionary<Guid, JsonElement>> CardsAsync(IReadOnlyList<Guid> cases)
    {
        var cards = new Dictionary<Guid, JsonElement>();
        await UntilAsync(
            async () =>
            {
                var sent = JsonDocument.Parse(await sandbox.GetStringAsync(new Uri("/sandbox/control/messages?api=wecom/message/send", UriKind.Relative))).RootElement;
                foreach (var message in sent.EnumerateArray())
                {
                    if (message.GetProperty("body").TryGetProperty("template_card", out var card)
                        && CaseCards.TryParseTaskId(card.GetProperty("task_id").GetString(), out var caseId, out _))
                    {
                        cards[caseId] = message.Clone();
                    }
                }

                return cases.All(cards.ContainsKey);
            },
            CardWait,
            $"the cards of {cases.Count} complaints");
        return cards;
    }

    /// <summary>Each case pressed by its card's recipient who is the advisor (the manager may press too, but once is the press).</summary>
    private static MixDealer WithCases(MixDealer dealer, IReadOnlyList<Guid> cases, Dictionary<Guid, JsonElement> cards)
    {
        var pressed = cases.Select(caseId =>
        {
            var message = cards[caseId];
            var card = message.GetProperty("body").GetProperty("template_card");
            Ensure(
                card.GetProperty("button_list").EnumerateArray().Any(b => b.GetProperty("key").GetString() == Acknowledge),
                $"the card of case {caseId} has the {Acknowledge} button");
            var recipients = message.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()!).ToList();
            var userId = recipients.Contains(dealer.StaffUserIds[0]) ? dealer.StaffUserIds[0] : recipients[0];
            return new MixCase(caseId, card.GetProperty("task_id").GetString()!, Acknowledge, userId);
        });
        var agentId = cases.Count == 0 ? 0 : cards[cases[0]].GetProperty("body").GetProperty("agentid").GetInt64();
        return dealer with { AgentId = agentId, Cases = [.. pressed] };
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

        return new MixDealer(dealerId, appId, originalId, corpId, staff, followers, contacts, 0, []);
    }

    private static HttpClient Browser(Uri baseUrl) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseUrl };

    private async Task<JsonElement> AdminAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
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

    /// <summary>Probes every half second (the sandbox's message list grows to megabytes) until the condition holds.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan wait, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow() + wait;
        while (!await condition())
        {
            Ensure(TimeProvider.System.GetUtcNow() < deadline, what);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static void Ensure(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("setup failed: " + what);
        }
    }
}
