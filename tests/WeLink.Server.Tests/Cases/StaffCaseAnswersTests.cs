using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tests.Cases;

/// <summary>
/// What the staff app is told when a step does not happen, over real HTTP: a foreign case id, a role that may not act, a
/// double tap, a case someone else moved, bad input; each with a Chinese <c>detail</c> it shows as is. And the colleagues
/// its reassign picker offers.
/// </summary>
public abstract class StaffCaseAnswersTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private WeLinkTestHost _host = null!;
    private Guid _brand;
    private Guid _dealer;
    private Guid _caseId;
    private SeededDealer _beijing = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync(provider);
        _host = await WeLinkTestHost.StartAsync(_database.HostArgs, b =>
        {
            b.AddTestSessions();
            b.Services.AddExampleProcess(new RecordingActions());
        });
        var aurora = await Seed.In(_host.Services).Brand("Aurora").Dealer("Beijing", d => d.Approved().LinkedCorp()
            .Staff("advisor1", s => s.Named("王芳").Roles(StaffRoles.ServiceAdvisor))
            .Staff("advisor2", s => s.Named("李强").Roles(StaffRoles.ServiceAdvisor, StaffRoles.Consultant))
            .Staff("manager1", s => s.Named("陈杰").Roles(StaffRoles.ServiceManager))
            .Staff("left1", s => s.Named("赵敏").Roles(StaffRoles.ServiceAdvisor).Left()));
        (_brand, _dealer, _beijing) = (aurora.Id, aurora.Dealers[0].Id, aurora.Dealers[0]);
        _caseId = Assert.IsType<CaseMoved>(await _host.Services.GetRequiredService<CaseEngine>().StartAsync(
            CaseEngineTests.Start(_brand, _dealer, "s1"), CancellationToken.None)).CaseId;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_case_id_of_another_dealer_is_not_found()
    {
        var otherDealer = (await Seed.In(_host.Services).Brand("Borealis").Dealer("Shanghai", d => d.Approved())).Dealers[0].Id;
        using var stranger = await SignInAsync(Guid.NewGuid(), otherDealer, StaffRoles.ServiceAdvisor, StaffRoles.ServiceManager);

        using var fire = await FireAsync(stranger, "acknowledge", "k1");
        using var transitions = await stranger.GetAsync(new Uri($"/api/staff/cases/{_caseId}/transitions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, fire.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, transitions.StatusCode);
    }

    [Fact]
    public async Task The_case_page_reads_what_the_customer_filed_and_one_timeline_of_steps_and_notes_by_name_and_another_dealer_gets_404()
    {
        var advisor = _beijing.StaffMember("advisor1");
        using var session = await SignInAsync(advisor.Id, _dealer, StaffRoles.ServiceAdvisor);
        using var claim = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/cases/{_caseId}/claim") { Headers = { { "Idempotency-Key", "k0" } } };
        using var claimed = await session.SendAsync(claim);
        using var acknowledged = await FireAsync(session, "acknowledge", "k1");
        using var noted = await session.PostAsJsonAsync(new Uri($"/api/staff/cases/{_caseId}/notes", UriKind.Relative), new { text = "已电话联系客户。" });
        var otherDealer = (await Seed.In(_host.Services).Brand("Borealis").Dealer("Shanghai", d => d.Approved())).Dealers[0].Id;
        using var stranger = await SignInAsync(Guid.NewGuid(), otherDealer, StaffRoles.ServiceAdvisor);

        var page = await session.GetFromJsonAsync<JsonElement>(new Uri($"/api/staff/cases/{_caseId}", UriKind.Relative));
        using var foreign = await stranger.GetAsync(new Uri($"/api/staff/cases/{_caseId}", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (claimed.StatusCode, acknowledged.StatusCode));
        Assert.Equal(HttpStatusCode.Created, noted.StatusCode);
        Assert.Equal((3L, "in_progress", "example"), (page.GetProperty("version").GetInt64(), page.GetProperty("state").GetProperty("key").GetString(), page.GetProperty("process").GetProperty("key").GetString()));
        Assert.Equal("Beijing", page.GetProperty("customer").GetProperty("dealerName").GetString());
        Assert.Contains(page.GetProperty("filed").EnumerateArray(), f => f.GetProperty("value").GetString() == "The car was not washed.");
        var timeline = page.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["step", "step", "step", "note"], timeline.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(("客户", "提交 → received"), (timeline[0].GetProperty("actor").GetString(), timeline[0].GetProperty("text").GetString()));
        Assert.Equal(("王芳", "领取了工单"), (timeline[1].GetProperty("actor").GetString(), timeline[1].GetProperty("text").GetString()));
        Assert.Equal(("王芳", "acknowledge → in_progress"), (timeline[2].GetProperty("actor").GetString(), timeline[2].GetProperty("text").GetString()));
        Assert.Equal(("王芳", "已电话联系客户。"), (timeline[3].GetProperty("actor").GetString(), timeline[3].GetProperty("text").GetString()));
        Assert.Equal(("王芳", advisor.Id), (page.GetProperty("assignee").GetProperty("name").GetString(), page.GetProperty("assignee").GetProperty("id").GetGuid()));
        Assert.Equal("王芳", Assert.Single(page.GetProperty("notes").EnumerateArray()).GetProperty("author").GetString());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task A_step_the_staff_members_role_may_not_take_is_forbidden_with_a_chinese_reason()
    {
        using var advisor = await SignInAsync(Guid.NewGuid(), _dealer, StaffRoles.ServiceAdvisor);

        using var answer = await FireAsync(advisor, "cancel", "k1");

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("您的角色不能进行这个操作。", problem.GetProperty("detail").GetString());
        Assert.Equal("ActorNotPermitted", problem.GetProperty("reason").GetString());
        Assert.Equal(1, await VersionAsync());
    }

    [Fact]
    public async Task A_double_tap_with_the_same_idempotency_key_moves_the_case_once()
    {
        using var advisor = await SignInAsync(Guid.NewGuid(), _dealer, StaffRoles.ServiceAdvisor);

        var taps = await Task.WhenAll(FireAsync(advisor, "acknowledge", "tap"), FireAsync(advisor, "acknowledge", "tap"));

        Assert.All(taps, t => Assert.Equal(HttpStatusCode.OK, t.StatusCode));
        var bodies = await Task.WhenAll(taps.Select(t => t.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.All(bodies, b => Assert.Equal(2, b.GetProperty("version").GetInt64()));
        Assert.Single(bodies, b => b.GetProperty("replayed").GetBoolean());
        Assert.Equal(2, await VersionAsync());
        foreach (var tap in taps)
        {
            tap.Dispose();
        }
    }

    [Fact]
    public async Task A_step_on_a_case_someone_else_moved_is_a_conflict_that_carries_the_current_version()
    {
        using var first = await SignInAsync(Guid.NewGuid(), _dealer, StaffRoles.ServiceAdvisor);
        using var second = await SignInAsync(Guid.NewGuid(), _dealer, StaffRoles.ServiceAdvisor);
        using var moved = await FireAsync(first, "acknowledge", "k1", "?expectedVersion=1");

        using var late = await FireAsync(second, "acknowledge", "k2", "?expectedVersion=1");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, problem.GetProperty("version").GetInt64());
        Assert.Contains("其他人", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_each_field_and_changes_nothing()
    {
        using var advisor = await SignInAsync(Guid.NewGuid(), _dealer, StaffRoles.ServiceAdvisor);
        using var acknowledged = await FireAsync(advisor, "acknowledge", "k1");

        using var refused = await FireAsync(advisor, "request_info", "k2", input: new JsonObject { ["question"] = new string('问', 2001) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("填写的内容有误", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("question", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, problem.GetProperty("errors").GetProperty("question").ValueKind);
        Assert.Equal(2, await VersionAsync());
    }

    [Fact]
    public async Task The_reassign_picker_lists_the_active_staff_of_the_callers_dealer_in_the_role()
    {
        using var manager = await SignInAsync(Guid.NewGuid(), _dealer, StaffRoles.ServiceManager);

        var advisors = await manager.GetFromJsonAsync<JsonElement>("/api/staff/dealer/staff?role=service-advisor");
        var everyone = await manager.GetFromJsonAsync<JsonElement>("/api/staff/dealer/staff");
        using var unknown = await manager.GetAsync(new Uri("/api/staff/dealer/staff?role=janitor", UriKind.Relative));

        Assert.Equal(["李强", "王芳"], advisors.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(
            [StaffRoles.Consultant, StaffRoles.ServiceAdvisor],
            advisors[0].GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(["李强", "王芳", "陈杰"], everyone.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal("没有这个角色。", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    private Task<HttpClient> SignInAsync(Guid staffId, Guid dealerId, params string[] roles) =>
        TestSessionEndpoint.SignInAsync(_host.BaseAddress, "staff", staffId, _brand, dealerId, roles);

    private Task<long> VersionAsync() => _database.ScalarAsync<long>("SELECT version FROM cases WHERE id = @caseId", new { caseId = _caseId });

    private async Task<HttpResponseMessage> FireAsync(HttpClient staff, string trigger, string key, string query = "", JsonObject? input = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/cases/{_caseId}/transitions/{trigger}{query}")
        {
            Content = JsonContent.Create(input ?? []),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await staff.SendAsync(request);
    }
}

public sealed class StaffCaseAnswersTests_on_Sqlite() : StaffCaseAnswersTests(DatabaseProvider.Sqlite);

public sealed class StaffCaseAnswersTests_on_Postgres() : StaffCaseAnswersTests(DatabaseProvider.Postgres);
