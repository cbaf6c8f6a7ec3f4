using System.Text.Json;
using System.Text.Json.Nodes;
using WeLink.Server.Cases.Definitions;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;
using WeLink.Workflow.Parameters;

namespace WeLink.Server.Tests.Cases;

public abstract class DefinitionTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Open_cases_finish_on_their_version_and_new_cases_start_on_the_published_one()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = CaseServices.Clock();
        await using var cases = await CaseServices.StartAsync(database, clock, new RecordingActions());
        var (brand, dealer) = await database.SeedDealerAsync();
        var (otherBrand, otherDealer) = await database.SeedDealerAsync();
        var engine = cases.Get<CaseEngine>();
        var old = Assert.IsType<CaseMoved>(await engine.StartAsync(CaseEngineTests.Start(brand, dealer, "s1"), CancellationToken.None)).CaseId;

        var json = Complaint();
        json["parameters"]![0]!["default"] = 12;
        var published = Assert.IsType<DefinitionPublished>(await cases.Get<DefinitionCatalog>().PublishAsync(brand, json.ToJsonString(), "hq-admin", CancellationToken.None));
        var fresh = Assert.IsType<CaseMoved>(await engine.StartAsync(CaseEngineTests.Start(brand, dealer, "s2"), CancellationToken.None)).CaseId;
        var elsewhere = Assert.IsType<CaseMoved>(await engine.StartAsync(CaseEngineTests.Start(otherBrand, otherDealer, "s3"), CancellationToken.None)).CaseId;

        Assert.Equal(("example", 2), (published.Key, published.Version));
        Assert.Equal(1, await VersionOfAsync(database, old));
        Assert.Equal(2, await VersionOfAsync(database, fresh));
        Assert.Equal(1, await VersionOfAsync(database, elsewhere));
        Assert.Equal(clock.GetUtcNow().AddHours(24), await DueAsync(database, old, "first_response_breach"));
        Assert.Equal(clock.GetUtcNow().AddHours(12), await DueAsync(database, fresh, "first_response_breach"));
        var moved = Assert.IsType<CaseMoved>(await engine.FireAsync(new FireTrigger(old, CaseScope.Platform, "acknowledge", CaseFixtures.Handler, [], "ack"), CancellationToken.None));
        Assert.Equal("in_progress", moved.State);
        Assert.Equal(1, await VersionOfAsync(database, old));
    }

    [Fact]
    public async Task Parsed_versions_are_kept_up_to_the_cache_size_and_cases_pinned_to_evicted_ones_still_run_on_their_own()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = CaseServices.Clock();
        await using var cases = await CaseServices.StartAsync(
            database, clock, new RecordingActions(), new Dictionary<string, string?> { ["Cases:DefinitionCacheSize"] = "2" });
        var (brand, dealer) = await database.SeedDealerAsync();
        var engine = cases.Get<CaseEngine>();
        var catalog = cases.Get<DefinitionCatalog>();

        var pinned = new List<(Guid CaseId, int Hours)>();
        for (var hours = 11; hours <= 15; hours++)
        {
            var json = Complaint();
            json["parameters"]![0]!["default"] = hours;
            Assert.IsType<DefinitionPublished>(await catalog.PublishAsync(brand, json.ToJsonString(), "hq-admin", CancellationToken.None));
            var started = Assert.IsType<CaseMoved>(await engine.StartAsync(CaseEngineTests.Start(brand, dealer, $"s{hours}"), CancellationToken.None));
            pinned.Add((started.CaseId, hours));
        }

        Assert.InRange(catalog.CachedVersions, 1, 2);
        foreach (var (caseId, hours) in pinned)
        {
            Assert.Equal(clock.GetUtcNow().AddHours(hours), await DueAsync(database, caseId, "first_response_breach"));
            var moved = Assert.IsType<CaseMoved>(await engine.FireAsync(new FireTrigger(caseId, CaseScope.Platform, "acknowledge", CaseFixtures.Handler, [], "ack"), CancellationToken.None));
            Assert.Equal("in_progress", moved.State);
        }

        Assert.Equal([2, 3, 4, 5, 6], await database.QueryAsync<int>("SELECT definition_version FROM cases ORDER BY definition_version"));
        Assert.InRange(catalog.CachedVersions, 1, 2);
    }

    [Fact]
    public async Task An_invalid_definition_is_refused_with_every_problem()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var cases = await CaseServices.StartAsync(database, CaseServices.Clock(), new RecordingActions());
        var json = Complaint();
        json["actions"]!.AsArray().Add("fax_the_dealer");
        json["states"]!.AsArray().Add(new JsonObject { ["key"] = "limbo" });
        json["timers"]![0]!["trigger"] = "no_such_trigger";
        json["transitions"]![0]!["actors"] = new JsonArray("staff:janitor");

        var rejected = Assert.IsType<DefinitionRejected>(await cases.Get<DefinitionCatalog>().PublishAsync(null, json.ToJsonString(), "platform", CancellationToken.None));
        var malformed = Assert.IsType<DefinitionRejected>(await cases.Get<DefinitionCatalog>().PublishAsync(null, "{ \"key\": 1 }", "platform", CancellationToken.None));

        var messages = string.Join("\n", rejected.Problems.Select(p => $"{p.Path}: {p.Message}"));
        Assert.True(rejected.Problems.Count >= 4, messages);
        Assert.Contains("fax_the_dealer", messages, StringComparison.Ordinal);
        Assert.Contains("limbo", messages, StringComparison.Ordinal);
        Assert.Contains("no_such_trigger", messages, StringComparison.Ordinal);
        Assert.Contains("janitor", messages, StringComparison.Ordinal);
        Assert.Equal("$.key", Assert.Single(malformed.Problems).Path);
        Assert.Equal(0, await database.ScalarAsync<long>("SELECT COUNT(*) FROM workflow_definitions"));
    }

    [Fact]
    public async Task A_dealer_cannot_change_what_HQ_locked_but_may_adjust_what_HQ_allows()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = CaseServices.Clock();
        await using var cases = await CaseServices.StartAsync(database, clock, new RecordingActions());
        var (brand, dealer) = await database.SeedDealerAsync();
        var settings = cases.Get<ParameterSettingsStore>();
        var hq = new Dictionary<string, BrandParameterSetting>
        {
            ["first_response_hours"] = new(JsonValue.Create(12), DealerAdjustable: true, DealerMin: JsonValue.Create(6), DealerMax: JsonValue.Create(12)),
            ["resolution_hours"] = new(JsonValue.Create(48)),
        };
        Assert.Empty((await settings.SetBrandSettingsAsync(brand, "example", hq, CancellationToken.None)).Errors);

        var locked = await settings.SetDealerOverridesAsync(brand, dealer, "example", new Dictionary<string, JsonNode?> { ["resolution_hours"] = 100 }, CancellationToken.None);
        var outOfBounds = await settings.SetDealerOverridesAsync(brand, dealer, "example", new Dictionary<string, JsonNode?> { ["first_response_hours"] = 24 }, CancellationToken.None);
        var allowed = await settings.SetDealerOverridesAsync(brand, dealer, "example", new Dictionary<string, JsonNode?> { ["first_response_hours"] = 8 }, CancellationToken.None);

        Assert.Equal(ParameterErrorCode.LockedForDealer, Assert.Single(locked).Code);
        Assert.Equal(ParameterErrorCode.OutOfBounds, Assert.Single(outOfBounds).Code);
        Assert.Empty(allowed);
        var caseId = Assert.IsType<CaseMoved>(await cases.Get<CaseEngine>().StartAsync(CaseEngineTests.Start(brand, dealer, "s1"), CancellationToken.None)).CaseId;
        Assert.Equal(clock.GetUtcNow().AddHours(8), await DueAsync(database, caseId, "first_response_breach"));
        var pinned = ResolvedParameters.FromJson(await database.ScalarAsync<string>("SELECT parameters FROM cases WHERE id = @caseId", new { caseId }));
        Assert.Equal((48, ParameterSource.Brand), (pinned.GetWholeNumber("resolution_hours"), pinned.Values["resolution_hours"].Source));
        Assert.Equal((8, ParameterSource.Dealer), (pinned.GetWholeNumber("first_response_hours"), pinned.Values["first_response_hours"].Source));
    }

    private static JsonObject Complaint() =>
        JsonNode.Parse(CaseFixtures.ExampleJson(), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();

    private static Task<long> VersionOfAsync(TestDatabase database, Guid caseId) =>
        database.ScalarAsync<long>("SELECT definition_version FROM cases WHERE id = @caseId", new { caseId });

    private static Task<DateTimeOffset> DueAsync(TestDatabase database, Guid caseId, string key) =>
        database.ScalarAsync<DateTimeOffset>("SELECT due_at FROM case_timers WHERE case_id = @caseId AND key = @key", new { caseId, key });
}

public sealed class DefinitionTests_on_Sqlite() : DefinitionTests(DatabaseProvider.Sqlite);

public sealed class DefinitionTests_on_Postgres() : DefinitionTests(DatabaseProvider.Postgres);
