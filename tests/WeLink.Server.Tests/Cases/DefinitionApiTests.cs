using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;
using WeLink.Server.Tests.Admin;
using WeLink.Workflow.Engine;
using WeLink.Workflow.Parameters;

namespace WeLink.Server.Tests.Cases;

/// <summary>Brand HQ publishes definitions and sets parameters over HTTP; dealer admins set their own values where HQ allows.</summary>
public abstract class DefinitionApiTests(DatabaseProvider provider)
{
    [Fact]
    public async Task HQ_publishes_a_valid_version_once_however_often_it_is_sent_and_the_brand_sees_it_as_current()
    {
        await using var world = await DefinitionWorld.StartAsync(provider);
        var json = Complaint();
        json["title"] = "Complaint, faster";
        json["parameters"]![0]!["default"] = 12;

        using var published = await PublishAsync(world.HqX, world.X.Id, 1, json);
        using var doubleClick = await PublishAsync(world.HqX, world.X.Id, 1, json);
        using var byDealer = await PublishAsync(world.DealerA1, world.X.Id, 2, json);

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var body = await published.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("example", 2), (body.GetProperty("key").GetString(), body.GetProperty("version").GetInt32()));
        Assert.Equal($"/api/admin/brands/{world.X.Id}/definitions/example/versions/2", published.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, doubleClick.StatusCode);
        Assert.Contains("current version of 'example' is 2", await doubleClick.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byDealer.StatusCode);
        Assert.Equal(1, await world.Admin.Database.ScalarAsync<long>("SELECT COUNT(*) FROM workflow_definitions"));

        var listX = await world.HqX.GetOkAsync<JsonElement>($"/api/admin/brands/{world.X.Id}/definitions");
        var complaint = Assert.Single(listX.EnumerateArray(), d => d.GetProperty("key").GetString() == "example");
        Assert.Equal((2, "Complaint, faster"), (complaint.GetProperty("currentVersion").GetInt32(), complaint.GetProperty("title").GetString()));
        Assert.Equal(
            ["1 shipped False", "2 brand True"],
            complaint.GetProperty("versions").EnumerateArray().Select(v => $"{v.GetProperty("version")} {v.GetProperty("origin").GetString()} {v.GetProperty("current")}"));
        var v2 = await world.DealerA1.GetOkAsync<JsonObject>($"/api/admin/brands/{world.X.Id}/definitions/example/versions/2");
        Assert.Equal((2, 12), (v2["version"]!.GetValue<int>(), v2["parameters"]![0]!["default"]!.GetValue<int>()));

        var listY = await world.HqY.GetOkAsync<JsonElement>($"/api/admin/brands/{world.Y.Id}/definitions");
        Assert.Equal(1, Assert.Single(listY.EnumerateArray(), d => d.GetProperty("key").GetString() == "example").GetProperty("currentVersion").GetInt32());
        using var foreignVersion = await world.HqY.Http.GetAsync(new Uri($"/api/admin/brands/{world.Y.Id}/definitions/example/versions/2", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, foreignVersion.StatusCode);
        Assert.Equal("succeeded conflict", await AuditOutcomesAsync(world, "definition.publish"));

        var racing = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PublishAsync(world.HqX, world.X.Id, 2, json)));
        Assert.Single(racing, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(7, racing.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(3, await world.Admin.Database.ScalarAsync<long>("SELECT MAX(version) FROM workflow_definitions WHERE brand_id = @Id", world.X));
        Assert.All(racing, r => r.Dispose());
    }

    [Fact]
    public async Task An_invalid_definition_is_refused_with_every_problem_by_path_and_nothing_is_stored()
    {
        await using var world = await DefinitionWorld.StartAsync(provider);
        var json = Complaint();
        json["actions"]!.AsArray().Add("fax_the_dealer");
        json["states"]!.AsArray().Add(new JsonObject { ["key"] = "limbo" });
        json["timers"]![0]!["trigger"] = "no_such_trigger";
        json["transitions"]![0]!["actors"] = new JsonArray("staff:janitor");
        var malformed = Complaint();
        malformed["parameters"]![0]!["type"] = "money";

        using var invalid = await PublishAsync(world.HqX, world.X.Id, 1, json);
        using var badShape = await PublishAsync(world.Platform, world.X.Id, 1, malformed);
        using var noVersion = await world.HqX.Http.PostAsJsonAsync(
            $"/api/admin/brands/{world.X.Id}/definitions/example/versions", new { definition = json }, AdminClient.Json);
        using var wrongKey = await world.HqX.Http.PostAsJsonAsync(
            $"/api/admin/brands/{world.X.Id}/definitions/test-drive/versions", new { expectedCurrentVersion = 0, definition = Complaint() }, AdminClient.Json);

        var errors = await ErrorsAsync(invalid, HttpStatusCode.BadRequest);
        Assert.Equal(["actions[16]", "states[9]", "timers[0].trigger", "transitions[0].actors[0]"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("fax_the_dealer", errors["actions[16]"].Single(), StringComparison.Ordinal);
        Assert.Contains(errors["states[9]"], m => m.Contains("'limbo' is unreachable", StringComparison.Ordinal));
        Assert.Contains(errors["states[9]"], m => m.Contains("'limbo' is not terminal", StringComparison.Ordinal));
        Assert.Contains("no_such_trigger", errors["timers[0].trigger"].Single(), StringComparison.Ordinal);
        Assert.Contains("unknown staff role 'janitor'", errors["transitions[0].actors[0]"].Single(), StringComparison.Ordinal);
        var shape = await ErrorsAsync(badShape, HttpStatusCode.BadRequest);
        Assert.Contains("'type' must be one of int, decimal, bool, duration", Assert.Single(shape["$.parameters[0].type"]), StringComparison.Ordinal);
        Assert.Equal(
            ["actions[16]", "expectedCurrentVersion", "states[9]", "timers[0].trigger", "transitions[0].actors[0]"],
            (await ErrorsAsync(noVersion, HttpStatusCode.BadRequest)).Keys.Order(StringComparer.Ordinal));
        Assert.Contains("'example' differs from the key 'test-drive'", Assert.Single((await ErrorsAsync(wrongKey, HttpStatusCode.BadRequest))["definition.key"]), StringComparison.Ordinal);
        Assert.Equal(0, await world.Admin.Database.ScalarAsync<long>("SELECT COUNT(*) FROM workflow_definitions"));
        Assert.Equal("refused refused refused refused", await AuditOutcomesAsync(world, "definition.publish"));
    }

    [Fact]
    public async Task A_dealer_cannot_change_what_HQ_locked_and_every_value_stays_within_its_bounds()
    {
        await using var world = await DefinitionWorld.StartAsync(provider);
        var brandPath = $"/api/admin/brands/{world.X.Id}/definitions/example/parameters";
        var dealerPath = $"/api/admin/dealers/{world.A1.Id}/definitions/example/parameters";

        using var outOfDefinition = await world.HqX.Http.PutAsJsonAsync(brandPath, new { parameters = new { first_response_hours = new { value = 100 } } }, AdminClient.Json);
        using var hqSet = await world.HqX.Http.PutAsJsonAsync(
            brandPath,
            new
            {
                parameters = new
                {
                    first_response_hours = new { value = 12, locked = false, dealerMin = 6, dealerMax = 12 },
                    resolution_hours = new { value = 48, locked = true },
                },
            },
            AdminClient.Json);
        using var dealerOnBrand = await world.DealerA1.Http.PutAsJsonAsync(brandPath, new { parameters = new { } }, AdminClient.Json);
        using var locked = await world.DealerA1.Http.PutAsJsonAsync(dealerPath, new { values = new { resolution_hours = 100, first_response_hours = 8 } }, AdminClient.Json);
        using var outOfBounds = await world.DealerA1.Http.PutAsJsonAsync(dealerPath, new { values = new { first_response_hours = 24 } }, AdminClient.Json);
        using var allowed = await world.DealerA1.Http.PutAsJsonAsync(dealerPath, new { values = new { first_response_hours = 8 } }, AdminClient.Json);

        Assert.Contains("first_response_hours: 100 is outside [1, 72]", Assert.Single((await ErrorsAsync(outOfDefinition, HttpStatusCode.BadRequest))["first_response_hours"]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, hqSet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, dealerOnBrand.StatusCode);
        var lockedErrors = await ErrorsAsync(locked, HttpStatusCode.Forbidden);
        Assert.Equal(["resolution_hours"], lockedErrors.Keys);
        Assert.Contains("Brand HQ locked 'resolution_hours'", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("first_response_hours: 24 is outside [6, 12]", Assert.Single((await ErrorsAsync(outOfBounds, HttpStatusCode.BadRequest))["first_response_hours"]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        var hqView = Parameters(await world.HqX.GetOkAsync<JsonElement>(brandPath));
        var dealerView = Parameters(await world.DealerA1.GetOkAsync<JsonElement>(dealerPath));
        Assert.Equal("12 False 6 12 12", Describe(hqView["first_response_hours"], "hqValue", "locked", "dealerMin", "dealerMax", "value"));
        Assert.Equal("48 True 8 240 48", Describe(hqView["resolution_hours"], "hqValue", "locked", "dealerMin", "dealerMax", "value"));
        Assert.Equal("2 1 12 null True 2", Describe(hqView["sla_reminder_hours"], "default", "min", "max", "hqValue", "locked", "value"));
        Assert.Equal("12 8 8", Describe(dealerView["first_response_hours"], "hqValue", "dealerValue", "value"));
        Assert.Equal("null 48", Describe(dealerView["resolution_hours"], "dealerValue", "value"));
        Assert.Equal("refused succeeded", await AuditOutcomesAsync(world, "definition.parameters.set"));
        Assert.Equal("refused refused succeeded", await AuditOutcomesAsync(world, "definition.parameters.set-dealer"));

        var started = Assert.IsType<CaseMoved>(await world.Admin.Host.Services.GetRequiredService<CaseEngine>().StartAsync(
            CaseEngineTests.Start(world.X.Id, world.A1.Id, "s1"), CancellationToken.None));
        var pinned = await PinnedAsync(world, started.CaseId);
        Assert.Equal((8, ParameterSource.Dealer), (pinned.GetWholeNumber("first_response_hours"), pinned.Values["first_response_hours"].Source));
        Assert.Equal((48, ParameterSource.Brand), (pinned.GetWholeNumber("resolution_hours"), pinned.Values["resolution_hours"].Source));
    }

    [Fact]
    public async Task HQ_bounds_that_contradict_each_other_are_refused_with_every_problem_named_and_nothing_is_stored()
    {
        await using var world = await DefinitionWorld.StartAsync(provider);
        var brandPath = $"/api/admin/brands/{world.X.Id}/definitions/example/parameters";

        using var refused = await world.HqX.Http.PutAsJsonAsync(
            brandPath,
            new
            {
                parameters = new
                {
                    first_response_hours = new { value = 12, locked = false, dealerMin = 16, dealerMax = 8 },
                    resolution_hours = new { value = 200, locked = false, dealerMin = 24, dealerMax = 48 },
                    sla_reminder_hours = new { locked = false, dealerMin = 4 },
                    survey_window_days = new { locked = false, dealerMin = 0, dealerMax = 40 },
                },
            },
            AdminClient.Json);

        var errors = await ErrorsAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal(["first_response_hours: dealer minimum 16 is above dealer maximum 8"], errors["first_response_hours"]);
        Assert.Equal(["resolution_hours: HQ's value 200, which dealers start from, is outside the dealer bounds [24, 48]"], errors["resolution_hours"]);
        Assert.Equal(["sla_reminder_hours: the definition's default 2, which dealers start from, is outside the dealer bounds [4, 12]"], errors["sla_reminder_hours"]);
        Assert.Equal(
            ["survey_window_days: dealer minimum 0 is outside [1, 30]", "survey_window_days: dealer maximum 40 is outside [1, 30]"],
            errors["survey_window_days"]);
        var view = Parameters(await world.HqX.GetOkAsync<JsonElement>(brandPath));
        Assert.All(view.Values, p => Assert.Equal("null True", Describe(p, "hqValue", "locked")));
    }

    [Fact]
    public async Task Neither_a_publish_nor_an_HQ_lock_leaves_stored_values_that_new_cases_could_not_start_with()
    {
        await using var world = await DefinitionWorld.StartAsync(provider);
        var brandPath = $"/api/admin/brands/{world.X.Id}/definitions/example/parameters";
        var dealerPath = $"/api/admin/dealers/{world.A1.Id}/definitions/example/parameters";
        using var opened = await world.HqX.Http.PutAsJsonAsync(
            brandPath, new { parameters = new { first_response_hours = new { locked = false }, resolution_hours = new { value = 200 } } }, AdminClient.Json);
        using var dealerSet = await world.DealerA1.Http.PutAsJsonAsync(dealerPath, new { values = new { first_response_hours = 8 } }, AdminClient.Json);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (opened.StatusCode, dealerSet.StatusCode));

        var narrower = Complaint();
        narrower["parameters"]![0]!["min"] = 10;
        narrower["parameters"]![0]!["default"] = 24;
        narrower["parameters"]![2]!["max"] = 100;
        using var refused = await PublishAsync(world.HqX, world.X.Id, 1, narrower);

        var errors = await ErrorsAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal(
            ["parameterSettings.brand.resolution_hours", $"parameterSettings.dealers.{world.A1.Id}.first_response_hours"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("200 is outside [8, 100]", errors["parameterSettings.brand.resolution_hours"].Single(), StringComparison.Ordinal);
        Assert.Contains("8 is outside [10, 72]", errors[$"parameterSettings.dealers.{world.A1.Id}.first_response_hours"].Single(), StringComparison.Ordinal);
        Assert.Equal(0, await world.Admin.Database.ScalarAsync<long>("SELECT COUNT(*) FROM workflow_definitions"));

        using var locked = await world.HqX.Http.PutAsJsonAsync(
            brandPath, new { parameters = new { first_response_hours = new { locked = true }, resolution_hours = new { value = 200 } } }, AdminClient.Json);
        var lockedBody = await locked.Content.ReadFromJsonAsync<JsonElement>();
        var removed = Assert.Single(lockedBody.GetProperty("removedDealerValues").EnumerateArray());
        Assert.Equal((world.A1.Id, "first_response_hours", 8), (removed.GetProperty("dealerId").GetGuid(), removed.GetProperty("parameter").GetString(), removed.GetProperty("value").GetInt32()));
        Assert.Equal("null 24", Describe(Parameters(await world.DealerA1.GetOkAsync<JsonElement>(dealerPath))["first_response_hours"], "dealerValue", "value"));
        Assert.Equal("succeeded", await AuditOutcomesAsync(world, "definition.parameters.remove-dealer-values"));
        var started = await world.Admin.Host.Services.GetRequiredService<CaseEngine>().StartAsync(CaseEngineTests.Start(world.X.Id, world.A1.Id, "s1"), CancellationToken.None);
        Assert.Equal(24, (await PinnedAsync(world, Assert.IsType<CaseMoved>(started).CaseId)).GetWholeNumber("first_response_hours"));
    }

    [Fact]
    public async Task An_open_case_finishes_on_its_pinned_version_and_parameters_while_new_cases_start_on_the_published_one()
    {
        await using var world = await DefinitionWorld.StartAsync(provider);
        var engine = world.Admin.Host.Services.GetRequiredService<CaseEngine>();
        var brandPath = $"/api/admin/brands/{world.X.Id}/definitions/example/parameters";
        await SetHqFirstResponseAsync(world, brandPath, 20);
        var open = Assert.IsType<CaseMoved>(await engine.StartAsync(CaseEngineTests.Start(world.X.Id, world.A1.Id, "old"), CancellationToken.None)).CaseId;

        var v2 = Complaint();
        var resolve = v2["transitions"]!.AsArray().Single(t => t!["trigger"]!.GetValue<string>() == "resolve")!;
        resolve["input"]!.AsArray().Add(new JsonObject { ["name"] = "rootCause", ["type"] = "string", ["maxLength"] = 200, ["required"] = true });
        using var published = await PublishAsync(world.HqX, world.X.Id, 1, v2);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        await SetHqFirstResponseAsync(world, brandPath, 30);
        var fresh = Assert.IsType<CaseMoved>(await engine.StartAsync(CaseEngineTests.Start(world.X.Id, world.A1.Id, "new"), CancellationToken.None)).CaseId;

        Assert.Equal((1, 20), (await VersionOfAsync(world, open), (await PinnedAsync(world, open)).GetWholeNumber("first_response_hours")));
        Assert.Equal((2, 30), (await VersionOfAsync(world, fresh), (await PinnedAsync(world, fresh)).GetWholeNumber("first_response_hours")));

        var resolution = new JsonObject { ["resolution"] = "Washed it again.", ["recoverySteps"] = "Checklist at hand-over." };
        foreach (var id in new[] { open, fresh })
        {
            Assert.IsType<CaseMoved>(await engine.FireAsync(new FireTrigger(id, CaseScope.Platform, "acknowledge", CaseFixtures.Handler, [], $"ack-{id}"), CancellationToken.None));
        }

        Assert.IsType<CaseMoved>(await engine.FireAsync(new FireTrigger(open, CaseScope.Platform, "resolve", CaseFixtures.Handler, resolution, "resolve-old"), CancellationToken.None));
        var refused = Assert.IsType<CaseRefused>(await engine.FireAsync(new FireTrigger(fresh, CaseScope.Platform, "resolve", CaseFixtures.Handler, resolution, "resolve-new"), CancellationToken.None));
        var closed = Assert.IsType<CaseMoved>(await engine.FireAsync(
            new FireTrigger(open, CaseScope.Platform, "survey_answered", Actor.Consumer("o-consumer"), new JsonObject { ["satisfaction"] = 5, ["recommend"] = 9 }, "survey-old"),
            CancellationToken.None));

        Assert.Equal((CaseRefusalReason.InvalidInput, "rootCause: is required"), (refused.Reason, Assert.Single(refused.Details)));
        Assert.Equal("closed", closed.State);
        var details = await world.HqX.GetOkAsync<JsonElement>($"/api/admin/cases/{open}");
        Assert.Equal((1, "closed"), (details.GetProperty("definitionVersion").GetInt32(), details.GetProperty("state").GetString()));
        Assert.Equal(
            ["start", "acknowledge", "resolve", "survey_answered"],
            details.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("trigger").GetString()));
        Assert.Equal(20, (await PinnedAsync(world, open)).GetWholeNumber("first_response_hours"));
    }

    private static JsonObject Complaint() =>
        JsonNode.Parse(CaseFixtures.ExampleJson(), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();

    private static Task<HttpResponseMessage> PublishAsync(AdminClient client, Guid brandId, int expectedCurrentVersion, JsonObject definition) =>
        client.Http.PostAsJsonAsync(
            $"/api/admin/brands/{brandId}/definitions/example/versions", new { expectedCurrentVersion, definition }, AdminClient.Json);

    private static async Task SetHqFirstResponseAsync(DefinitionWorld world, string path, int hours)
    {
        using var response = await world.HqX.Http.PutAsJsonAsync(path, new { parameters = new { first_response_hours = new { value = hours } } }, AdminClient.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The problem's <c>errors</c> (key → messages), after checking the status and that it is a problem document.</summary>
    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<JsonElement>(text).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private static Dictionary<string, JsonElement> Parameters(JsonElement view) =>
        view.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);

    private static string Describe(JsonElement parameter, params string[] names) =>
        string.Join(" ", names.Select(n => parameter.GetProperty(n) is var v && v.ValueKind == JsonValueKind.Null ? "null"
            : v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean().ToString() : v.ToString()));

    private static async Task<string> AuditOutcomesAsync(DefinitionWorld world, string action)
    {
        await using var connection = await world.Admin.Database.OpenAsync();
        var outcomes = await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT outcome FROM audit_log WHERE action = @action ORDER BY occurred_at, id", new { action });
        return string.Join(" ", outcomes);
    }

    private static async Task<ResolvedParameters> PinnedAsync(DefinitionWorld world, Guid caseId) =>
        ResolvedParameters.FromJson(await world.Admin.Database.ScalarAsync<string>("SELECT parameters FROM cases WHERE id = @caseId", new { caseId }));

    private static async Task<int> VersionOfAsync(DefinitionWorld world, Guid caseId) =>
        (int)await world.Admin.Database.ScalarAsync<long>("SELECT definition_version FROM cases WHERE id = @caseId", new { caseId });
}

public sealed class DefinitionApiTests_on_Sqlite() : DefinitionApiTests(DatabaseProvider.Sqlite);

public sealed class DefinitionApiTests_on_Postgres() : DefinitionApiTests(DatabaseProvider.Postgres);
