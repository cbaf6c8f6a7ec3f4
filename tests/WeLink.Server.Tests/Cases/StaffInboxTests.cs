using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tests.Cases;

public abstract class StaffInboxTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Staff_work_their_own_dealers_cases_and_never_see_or_touch_another_dealers()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var actions = new RecordingActions();
        await using var host = await WeLinkTestHost.StartAsync(database.HostArgs, b =>
        {
            b.AddTestSessions();
            b.Services.AddExampleProcess(actions);
        });
        var (brand, dealerA) = await database.SeedDealerAsync();
        var (_, dealerB) = await database.SeedDealerAsync(brand);
        var caseId = Assert.IsType<CaseMoved>(await host.Services.GetRequiredService<CaseEngine>().StartAsync(
            CaseEngineTests.Start(brand, dealerA, "s1"), CancellationToken.None)).CaseId;
        var zhang = Guid.NewGuid();
        using var staffA = await TestSessionEndpoint.SignInAsync(host.BaseAddress, "staff", zhang, brand, dealerA, StaffRoles.ServiceAdvisor);
        using var staffB = await TestSessionEndpoint.SignInAsync(host.BaseAddress, "staff", Guid.NewGuid(), brand, dealerB, StaffRoles.ServiceAdvisor, StaffRoles.ServiceManager);

        Assert.Empty(await ListAsync(staffA, "mine"));
        Assert.Equal(caseId, Assert.Single(await ListAsync(staffA, "dealer")).GetProperty("id").GetGuid());
        Assert.Empty(await ListAsync(staffB, "dealer"));

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(staffB, $"/api/staff/cases/{caseId}/claim", "b-0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await FireAsync(staffB, caseId, "acknowledge", "b-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staffB.PostAsJsonAsync($"/api/staff/cases/{caseId}/notes", new { text = "mine now" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(staffA, $"/api/staff/cases/{caseId}/claim", "a-0")).StatusCode);
        var mine = Assert.Single(await ListAsync(staffA, "mine"));
        Assert.Equal(zhang, mine.GetProperty("assignee").GetProperty("id").GetGuid());
        Assert.Equal("example", mine.GetProperty("process").GetProperty("key").GetString());
        Assert.Equal("received", mine.GetProperty("state").GetProperty("key").GetString());
        Assert.False(mine.GetProperty("breached").GetBoolean());

        using var first = await FireAsync(staffA, caseId, "acknowledge", "a-1");
        using var retry = await FireAsync(staffA, caseId, "acknowledge", "a-1");
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        var retryBody = await retry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(("in_progress", 3, false), (firstBody.GetProperty("state").GetString(), firstBody.GetProperty("version").GetInt32(), firstBody.GetProperty("replayed").GetBoolean()));
        Assert.Equal((3, true), (retryBody.GetProperty("version").GetInt32(), retryBody.GetProperty("replayed").GetBoolean()));

        using var refused = await FireAsync(staffA, caseId, "resolve", "a-2");
        using var stale = await FireAsync(staffA, caseId, "request_info", "a-3", "?expectedVersion=1", new JsonObject { ["question"] = "Which wash?" });
        using var noKey = await staffA.PostAsJsonAsync($"/api/staff/cases/{caseId}/transitions/acknowledge", new JsonObject());
        using var note = await staffA.PostAsJsonAsync($"/api/staff/cases/{caseId}/notes", new { text = "Called the consumer." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("recoverySteps", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);

        using var platform = await TestSessionEndpoint.SignInAsync(host.BaseAddress, "admin", Guid.NewGuid(), null, null, AdminRoles.Platform);
        using var otherHq = await TestSessionEndpoint.SignInAsync(host.BaseAddress, "admin", Guid.NewGuid(), Guid.NewGuid(), null, AdminRoles.Hq);
        var details = await platform.GetFromJsonAsync<JsonElement>($"/api/admin/cases/{caseId}");
        Assert.Equal([1, 2, 3], details.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("sequence").GetInt32()));
        Assert.Equal("case.claim", details.GetProperty("history")[1].GetProperty("trigger").GetString());
        Assert.Single(details.GetProperty("notes").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await otherHq.GetAsync(new Uri($"/api/admin/cases/{caseId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherHq.GetAsync(new Uri("/api/admin/outbox?status=parked", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync(new Uri("/api/admin/outbox?status=parked", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.GetAsync(new Uri("/api/staff/cases", UriKind.Relative))).StatusCode);
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient staff, string view) =>
        [.. (await staff.GetFromJsonAsync<JsonElement>($"/api/staff/cases?view={view}")).EnumerateArray()];

    private static Task<HttpResponseMessage> FireAsync(HttpClient staff, Guid caseId, string trigger, string key, string query = "", JsonObject? input = null) =>
        PostAsync(staff, $"/api/staff/cases/{caseId}/transitions/{trigger}{query}", key, input ?? []);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient staff, string path, string key, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await staff.SendAsync(request);
    }
}

public sealed class StaffInboxTests_on_Sqlite() : StaffInboxTests(DatabaseProvider.Sqlite);

public sealed class StaffInboxTests_on_Postgres() : StaffInboxTests(DatabaseProvider.Postgres);
