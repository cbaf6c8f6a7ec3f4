using System.Text.Json.Nodes;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Tests.Cases;

public abstract class CaseEngineTests(DatabaseProvider provider)
{
    private static readonly JsonObject Remedy = new() { ["remedyPoints"] = 100, ["remedyDescription"] = "A free wash" };

    [Fact]
    public async Task A_started_and_fired_case_keeps_its_history_timers_and_outbox_in_step()
    {
        await using var world = await EngineWorld.StartAsync(provider);
        var (database, engine, brand, dealer) = world;

        var started = Assert.IsType<CaseMoved>(await engine.StartAsync(Start(brand, dealer, "start-1"), CancellationToken.None));
        Assert.Equal(("received", 1L), (started.State, started.Version));
        Assert.Equal(4, await database.ScalarAsync<long>("SELECT COUNT(*) FROM case_timers WHERE case_id = @Id", new { Id = started.CaseId }));
        Assert.Equal(2, await database.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE case_id = @Id", new { Id = started.CaseId }));

        var moved = Assert.IsType<CaseMoved>(await engine.FireAsync(
            new FireTrigger(started.CaseId, CaseScope.Platform, "acknowledge", CaseFixtures.Handler, [], "ack-1"), CancellationToken.None));

        Assert.Equal(("in_progress", 2L, false), (moved.State, moved.Version, moved.Replayed));
        var timers = await TimerKeysAsync(database, started.CaseId);
        Assert.Equal(["resolution_breach", "resolution_reminder"], timers);
        var history = await HistoryAsync(database, started.CaseId);
        Assert.Equal(["1 -> received by consumer (start)", "2 received -> in_progress by staff (acknowledge)"], history);
        Assert.Equal(3, await database.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE case_id = @Id", new { Id = started.CaseId }));
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_result_and_does_nothing_twice()
    {
        await using var world = await EngineWorld.StartAsync(provider);
        var (database, engine, brand, dealer) = world;
        var first = Assert.IsType<CaseMoved>(await engine.StartAsync(Start(brand, dealer, "start-1"), CancellationToken.None));
        var again = Assert.IsType<CaseMoved>(await engine.StartAsync(Start(brand, dealer, "start-1"), CancellationToken.None));
        Assert.Equal((first.CaseId, true), (again.CaseId, again.Replayed));

        var fire = new FireTrigger(first.CaseId, CaseScope.Platform, "acknowledge", CaseFixtures.Handler, [], "ack-1");
        await engine.FireAsync(fire, CancellationToken.None);
        var retried = Assert.IsType<CaseMoved>(await engine.FireAsync(fire, CancellationToken.None));

        Assert.Equal(("in_progress", 2L, true), (retried.State, retried.Version, retried.Replayed));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT COUNT(*) FROM cases"));
        Assert.Equal(2, await database.ScalarAsync<long>("SELECT COUNT(*) FROM case_history"));
        Assert.Equal(3, await database.ScalarAsync<long>("SELECT COUNT(*) FROM outbox"));
    }

    [Fact]
    public async Task A_key_used_before_is_answered_with_its_first_result_after_the_case_moved_on()
    {
        await using var world = await EngineWorld.StartAsync(provider);
        var (database, engine, brand, dealer) = world;
        var caseId = await AcknowledgedCaseAsync(engine, brand, dealer);
        var ask = new FireTrigger(caseId, CaseScope.Platform, "request_info", CaseFixtures.Handler, new JsonObject { ["question"] = "Which car?" }, "ask-1", ExpectedVersion: 2);
        await engine.FireAsync(ask, CancellationToken.None);
        await engine.FireAsync(new FireTrigger(caseId, CaseScope.Platform, "provide_info", Actor.Consumer("o-consumer"), new JsonObject { ["answer"] = "The red one" }, "answer-1"), CancellationToken.None);

        // Asking again would be allowed now; with the old key and version it is the first ask all the same.
        var askedAgain = Assert.IsType<CaseMoved>(await engine.FireAsync(ask, CancellationToken.None));
        var askedWithoutVersion = Assert.IsType<CaseMoved>(await engine.FireAsync(ask with { ExpectedVersion = null }, CancellationToken.None));

        // Acknowledging no longer applies in progress; the first acknowledgement is still its answer.
        var acknowledgedAgain = Assert.IsType<CaseMoved>(await engine.FireAsync(
            new FireTrigger(caseId, CaseScope.Platform, "acknowledge", CaseFixtures.Handler, [], "ack"), CancellationToken.None));

        Assert.Equal(("awaiting_consumer_info", 3L, true), (askedAgain.State, askedAgain.Version, askedAgain.Replayed));
        Assert.Equal(("awaiting_consumer_info", 3L, true), (askedWithoutVersion.State, askedWithoutVersion.Version, askedWithoutVersion.Replayed));
        Assert.Equal(("in_progress", 2L, true), (acknowledgedAgain.State, acknowledgedAgain.Version, acknowledgedAgain.Replayed));
        Assert.Equal([1L, 2L, 3L, 4L], await SequencesAsync(database, caseId));
        Assert.Equal("in_progress", await database.ScalarAsync<string>("SELECT state FROM cases WHERE id = @caseId", new { caseId }));
    }

    [Fact]
    public async Task Fifty_concurrent_fires_on_one_version_have_exactly_one_winner()
    {
        await using var world = await EngineWorld.StartAsync(provider);
        var (database, engine, brand, dealer) = world;
        var caseId = await AcknowledgedCaseAsync(engine, brand, dealer);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            engine.FireAsync(new FireTrigger(caseId, CaseScope.Platform, "offer_remedy", CaseFixtures.Handler, Remedy, $"remedy-{i}", ExpectedVersion: 2), CancellationToken.None))));

        Assert.Single(results.OfType<CaseMoved>());
        Assert.Equal(49, results.OfType<CaseConflict>().Count());
        Assert.All(results.OfType<CaseConflict>(), c => Assert.Equal(3, c.CurrentVersion));
        Assert.Equal([1L, 2L, 3L], await SequencesAsync(database, caseId));
    }

    [Fact]
    public async Task Fifty_concurrent_fires_without_an_expected_version_leave_a_contiguous_history()
    {
        await using var world = await EngineWorld.StartAsync(provider);
        var (database, engine, brand, dealer) = world;
        var caseId = await AcknowledgedCaseAsync(engine, brand, dealer);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            engine.FireAsync(new FireTrigger(caseId, CaseScope.Platform, "offer_remedy", CaseFixtures.Handler, Remedy, $"remedy-{i}"), CancellationToken.None))));

        var winners = results.OfType<CaseMoved>().ToList();
        Assert.Equal(50, winners.Count + results.OfType<CaseConflict>().Count());
        Assert.NotEmpty(winners);
        Assert.Equal(winners.Count, winners.Select(w => w.Version).Distinct().Count());
        var sequences = await SequencesAsync(database, caseId);
        Assert.Equal(Enumerable.Range(1, 2 + winners.Count).Select(i => (long)i), sequences);
        Assert.Equal(2 + winners.Count, await database.ScalarAsync<long>("SELECT version FROM cases WHERE id = @caseId", new { caseId }));
        Assert.Equal(winners.Count, await database.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE action = 'grant_remedy'"));
    }

    [Fact]
    public async Task Expected_failures_are_typed_results()
    {
        await using var world = await EngineWorld.StartAsync(provider);
        var (database, engine, brand, dealer) = world;
        var caseId = await AcknowledgedCaseAsync(engine, brand, dealer);

        var missing = Assert.IsType<CaseRefused>(await engine.FireAsync(new FireTrigger(caseId, CaseScope.Platform, "resolve", CaseFixtures.Handler, [], "r1"), CancellationToken.None));
        var consumer = Assert.IsType<CaseRefused>(await engine.FireAsync(new FireTrigger(caseId, CaseScope.Platform, "request_info", Actor.Consumer("o-1"), [], "r2"), CancellationToken.None));
        var stale = Assert.IsType<CaseConflict>(await engine.FireAsync(new FireTrigger(caseId, CaseScope.Platform, "resolve", CaseFixtures.Handler, [], "r3", ExpectedVersion: 1), CancellationToken.None));
        var unknown = await engine.StartAsync(Start(brand, dealer, "s2") with { DefinitionKey = "no-such-process" }, CancellationToken.None);

        Assert.Equal(CaseRefusalReason.InvalidInput, missing.Reason);
        Assert.Equal(["resolution: is required", "recoverySteps: is required"], missing.Details);
        Assert.Equal(CaseRefusalReason.ActorNotPermitted, consumer.Reason);
        Assert.Equal(2, stale.CurrentVersion);
        Assert.Equal(CaseRefusalReason.UnknownDefinition, Assert.IsType<CaseRefused>(unknown).Reason);
        Assert.IsType<CaseNotFound>(await engine.FireAsync(new FireTrigger(Guid.NewGuid(), CaseScope.Platform, "resolve", CaseFixtures.Handler, [], "r4"), CancellationToken.None));
        Assert.Equal(2, await database.ScalarAsync<long>("SELECT COUNT(*) FROM case_history"));
    }

    [Fact]
    public async Task Claim_and_reassign_are_steps_in_the_history()
    {
        await using var world = await EngineWorld.StartAsync(provider);
        var (database, engine, brand, dealer) = world;
        var caseId = await AcknowledgedCaseAsync(engine, brand, dealer);
        var zhang = Guid.NewGuid();
        var li = (await Seed.In(database).StaffAsync(dealer, "li", s => s.Roles(StaffRoles.ServiceManager))).Id;

        Assert.IsType<CaseMoved>(await engine.ClaimAsync(caseId, CaseScope.Platform, Actor.Staff(zhang.ToString(), StaffRoles.ServiceAdvisor), zhang, "c1", null, CancellationToken.None));
        var taken = Assert.IsType<CaseRefused>(await engine.ClaimAsync(caseId, CaseScope.Platform, Actor.Staff(li.ToString(), StaffRoles.ServiceAdvisor), li, "c2", null, CancellationToken.None));
        Assert.IsType<CaseMoved>(await engine.ReassignAsync(caseId, CaseScope.Platform, Actor.Staff(zhang.ToString()), li, StaffRoles.ServiceManager, "c3", null, CancellationToken.None));

        Assert.Equal(CaseRefusalReason.AlreadyClaimed, taken.Reason);
        Assert.Equal(li, await database.ScalarAsync<Guid>("SELECT assignee_staff_id FROM cases WHERE id = @caseId", new { caseId }));
        Assert.Equal(StaffRoles.ServiceManager, await database.ScalarAsync<string>("SELECT assignee_role FROM cases WHERE id = @caseId", new { caseId }));
        Assert.Equal([1L, 2L, 3L, 4L], await SequencesAsync(database, caseId));
    }

    [Fact]
    public async Task One_open_case_per_business_key_when_the_definition_says_so()
    {
        await using var world = await EngineWorld.StartAsync(provider);
        var (database, engine, brand, dealer) = world;
        var json = JsonNode.Parse(CaseFixtures.ExampleJson(), documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        json["oneOpenCasePerBusinessKey"] = true;
        Assert.IsType<WeLink.Server.Cases.Definitions.DefinitionPublished>(
            await world.Cases.Get<WeLink.Server.Cases.Definitions.DefinitionCatalog>().PublishAsync(brand, json.ToJsonString(), "hq", CancellationToken.None));

        var first = Assert.IsType<CaseMoved>(await engine.StartAsync(Start(brand, dealer, "s1") with { BusinessKey = "member-1" }, CancellationToken.None));
        var second = Assert.IsType<CaseRefused>(await engine.StartAsync(Start(brand, dealer, "s2") with { BusinessKey = "member-1" }, CancellationToken.None));
        var noKey = Assert.IsType<CaseRefused>(await engine.StartAsync(Start(brand, dealer, "s3"), CancellationToken.None));
        await engine.FireAsync(new FireTrigger(first.CaseId, CaseScope.Platform, "cancel", Actor.Consumer("o-consumer"), [], "cancel-1"), CancellationToken.None);
        var afterClose = await engine.StartAsync(Start(brand, dealer, "s4") with { BusinessKey = "member-1" }, CancellationToken.None);

        Assert.Equal((CaseRefusalReason.OpenCaseExists, first.CaseId.ToString()), (second.Reason, second.Details[0]));
        Assert.Equal(CaseRefusalReason.MissingBusinessKey, noKey.Reason);
        Assert.IsType<CaseMoved>(afterClose);
    }

    internal static StartCase Start(Guid brand, Guid dealer, string key) =>
        new("example", brand, dealer, "o-consumer", CaseFixtures.Complaint(), key, Actor.Consumer("o-consumer"));

    internal static async Task<Guid> AcknowledgedCaseAsync(CaseEngine engine, Guid brand, Guid dealer)
    {
        var started = Assert.IsType<CaseMoved>(await engine.StartAsync(Start(brand, dealer, $"start-{Guid.NewGuid():N}"), CancellationToken.None));
        Assert.IsType<CaseMoved>(await engine.FireAsync(new FireTrigger(started.CaseId, CaseScope.Platform, "acknowledge", CaseFixtures.Handler, [], "ack"), CancellationToken.None));
        return started.CaseId;
    }

    internal static async Task<List<string>> TimerKeysAsync(TestDatabase database, Guid caseId)
    {
        await using var connection = await database.OpenAsync();
        return [.. await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT key FROM case_timers WHERE case_id = @caseId ORDER BY key", new { caseId })];
    }

    internal static async Task<List<long>> SequencesAsync(TestDatabase database, Guid caseId)
    {
        await using var connection = await database.OpenAsync();
        return [.. await Dapper.SqlMapper.QueryAsync<long>(connection, "SELECT sequence FROM case_history WHERE case_id = @caseId ORDER BY sequence", new { caseId })];
    }

    private static async Task<List<string>> HistoryAsync(TestDatabase database, Guid caseId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await Dapper.SqlMapper.QueryAsync<(long Sequence, string? From, string To, string Kind, string Trigger)>(
            connection, "SELECT sequence, from_state, to_state, actor_kind, trigger FROM case_history WHERE case_id = @caseId ORDER BY sequence", new { caseId });
        return [.. rows.Select(r => $"{r.Sequence} {r.From}{(r.From is null ? "" : " ")}-> {r.To} by {r.Kind} ({r.Trigger})")];
    }

    /// <summary>A database of its own with one dealer, and the engine's services over it.</summary>
    private sealed class EngineWorld : IAsyncDisposable
    {
        private readonly TestDatabase _database;
        private readonly Guid _brand;
        private readonly Guid _dealer;

        private EngineWorld(TestDatabase database, CaseServices cases, Guid brand, Guid dealer) =>
            (_database, Cases, _brand, _dealer) = (database, cases, brand, dealer);

        public CaseServices Cases { get; }

        public static async Task<EngineWorld> StartAsync(DatabaseProvider provider)
        {
            var database = await TestDatabase.CreateMigratedAsync(provider);
            var cases = await CaseServices.StartAsync(database, CaseServices.Clock(), new RecordingActions());
            var (brand, dealer) = await database.SeedDealerAsync();
            return new EngineWorld(database, cases, brand, dealer);
        }

        public void Deconstruct(out TestDatabase database, out CaseEngine engine, out Guid brand, out Guid dealer) =>
            (database, engine, brand, dealer) = (_database, Cases.Get<CaseEngine>(), _brand, _dealer);

        public async ValueTask DisposeAsync()
        {
            await Cases.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}

public sealed class CaseEngineTests_on_Sqlite() : CaseEngineTests(DatabaseProvider.Sqlite);

public sealed class CaseEngineTests_on_Postgres() : CaseEngineTests(DatabaseProvider.Postgres);
