using Microsoft.Extensions.Time.Testing;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Cases.Timers;
using WeLink.Server.Data;

namespace WeLink.Server.Tests.Cases;

public abstract class CaseTimerTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Due_timers_fire_once_with_two_nodes_on_one_database()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = CaseServices.Clock();
        var actions = new RecordingActions();
        await using var first = await CaseServices.StartAsync(database, clock, actions);
        await using var second = await CaseServices.StartAsync(database, clock, actions);
        var (brand, dealer) = await database.SeedDealerAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            var started = Assert.IsType<CaseMoved>(await first.Get<CaseEngine>().StartAsync(CaseEngineTests.Start(brand, dealer, $"s{i}"), CancellationToken.None));
            ids.Add(started.CaseId);
        }

        clock.Advance(TimeSpan.FromHours(25));
        await DrainAsync(first.Get<CaseTimerRunner>(), second.Get<CaseTimerRunner>(), database, clock);

        foreach (var id in ids)
        {
            Assert.Equal(1, await database.ScalarAsync<long>(
                "SELECT COUNT(*) FROM case_history WHERE case_id = @id AND trigger = 'first_response_overdue'", new { id }));
            Assert.True(await database.ScalarAsync<long>(
                "SELECT COUNT(*) FROM case_history WHERE case_id = @id AND trigger = 'first_response_reminder'", new { id }) <= 1);
            Assert.Equal("escalated", await database.ScalarAsync<string>("SELECT state FROM cases WHERE id = @id", new { id }));
            Assert.Equal(await CaseEngineTests.SequencesAsync(database, id), Enumerable.Range(1, (await CaseEngineTests.SequencesAsync(database, id)).Count).Select(s => (long)s));
        }

        Assert.Equal(0, await database.ScalarAsync<long>("SELECT COUNT(*) FROM case_timers WHERE due_at <= @now", new { now = clock.GetUtcNow() }));
    }

    [Fact]
    public async Task Timers_survive_a_restart()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = CaseServices.Clock();
        Guid caseId;
        await using (var before = await CaseServices.StartAsync(database, clock, new RecordingActions()))
        {
            var (brand, dealer) = await database.SeedDealerAsync();
            caseId = Assert.IsType<CaseMoved>(await before.Get<CaseEngine>().StartAsync(
                CaseEngineTests.Start(brand, dealer, "s1") with { Data = CaseFixtures.Complaint("high") }, CancellationToken.None)).CaseId;
        }

        clock.Advance(TimeSpan.FromHours(5));
        await using var after = await CaseServices.StartAsync(database, clock, new RecordingActions());
        while (await after.Get<CaseTimerRunner>().RunDueAsync(CancellationToken.None) > 0)
        {
        }

        Assert.Equal("escalated", await database.ScalarAsync<string>("SELECT state FROM cases WHERE id = @caseId", new { caseId }));
        Assert.Equal("system", await database.ScalarAsync<string>(
            "SELECT actor_kind FROM case_history WHERE case_id = @caseId AND trigger = 'first_response_overdue'", new { caseId }));
    }

    [Fact]
    public async Task A_timer_is_not_due_before_its_time_and_a_breach_timer_marks_the_case()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = CaseServices.Clock();
        await using var cases = await CaseServices.StartAsync(database, clock, new RecordingActions());
        var (brand, dealer) = await database.SeedDealerAsync();
        var json = System.Text.Json.Nodes.JsonNode.Parse(
            CaseFixtures.ExampleJson(), documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        json["timers"]![0]!["breach"] = true;
        Assert.IsType<WeLink.Server.Cases.Definitions.DefinitionPublished>(
            await cases.Get<WeLink.Server.Cases.Definitions.DefinitionCatalog>().PublishAsync(null, json.ToJsonString(), "platform", CancellationToken.None));
        var caseId = Assert.IsType<CaseMoved>(await cases.Get<CaseEngine>().StartAsync(CaseEngineTests.Start(brand, dealer, "s1"), CancellationToken.None)).CaseId;
        var due = clock.GetUtcNow() + TimeSpan.FromHours(24);
        Assert.Equal(due, await database.ScalarAsync<DateTimeOffset>("SELECT sla_due_at FROM cases WHERE id = @caseId", new { caseId }));

        clock.Advance(TimeSpan.FromHours(23));
        await cases.Get<CaseTimerRunner>().RunDueAsync(CancellationToken.None);
        Assert.Equal("received", await database.ScalarAsync<string>("SELECT state FROM cases WHERE id = @caseId", new { caseId }));

        clock.Advance(TimeSpan.FromHours(1));
        await cases.Get<CaseTimerRunner>().RunDueAsync(CancellationToken.None);
        Assert.Equal("escalated", await database.ScalarAsync<string>("SELECT state FROM cases WHERE id = @caseId", new { caseId }));
        Assert.Equal(clock.GetUtcNow(), await database.ScalarAsync<DateTimeOffset>("SELECT breached_at FROM cases WHERE id = @caseId", new { caseId }));
    }

    /// <summary>Both nodes claim concurrently, round after round, until nothing is due.</summary>
    private static async Task DrainAsync(CaseTimerRunner first, CaseTimerRunner second, TestDatabase database, FakeTimeProvider clock)
    {
        for (var round = 0; round < 20; round++)
        {
            await Task.WhenAll(Task.Run(() => first.RunDueAsync(CancellationToken.None)), Task.Run(() => second.RunDueAsync(CancellationToken.None)));
            if (await database.ScalarAsync<long>("SELECT COUNT(*) FROM case_timers WHERE due_at <= @now", new { now = clock.GetUtcNow() }) == 0)
            {
                return;
            }
        }
    }
}

public sealed class CaseTimerTests_on_Sqlite() : CaseTimerTests(DatabaseProvider.Sqlite);

public sealed class CaseTimerTests_on_Postgres() : CaseTimerTests(DatabaseProvider.Postgres);
