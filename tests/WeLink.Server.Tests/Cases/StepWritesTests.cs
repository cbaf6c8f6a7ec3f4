using System.Text.Json.Nodes;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Tests.Cases;

/// <summary>
/// A step's writes stand or fall with its version-checked case update, by the update alone: the history row here takes
/// a sequence no other step holds, so only the update's guard (PostgreSQL) or the caller's rollback (SQLite) keeps them out.
/// </summary>
public abstract class StepWritesTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Writes_behind_an_update_that_found_another_version_leave_nothing()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var cases = await CaseServices.StartAsync(database, CaseServices.Clock(), new RecordingActions());
        var (brand, dealer) = await database.SeedDealerAsync();
        var caseId = await CaseEngineTests.AcknowledgedCaseAsync(cases.Get<CaseEngine>(), brand, dealer);

        var stale = await WriteStepAsync(cases, caseId, expectedVersion: 1, "stale");
        var current = await WriteStepAsync(cases, caseId, expectedVersion: 2, "current");

        Assert.Equal((false, true), (stale, current));
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT version FROM cases WHERE id = @caseId", new { caseId }));
        Assert.Equal(["current"], await database.QueryAsync<string>("SELECT trigger FROM case_history WHERE case_id = @caseId AND sequence >= 50", new { caseId }));
        Assert.Equal(["current:timer"], await database.QueryAsync<string>("SELECT key FROM case_timers WHERE key LIKE '%:timer'"));
        Assert.Equal(["current:outbox"], await database.QueryAsync<string>("SELECT idempotency_key FROM outbox WHERE idempotency_key LIKE '%:outbox'"));
    }

    private static async Task<bool> WriteStepAsync(CaseServices cases, Guid caseId, long expectedVersion, string name)
    {
        var now = DateTimeOffset.UtcNow;
        await using var connection = await cases.Get<IDbConnectionFactory>().OpenConnectionAsync(CancellationToken.None);
        var dialect = cases.Get<IDbConnectionFactory>().Dialect;
        await using var step = await StepTransaction.BeginAsync(connection, dialect, CancellationToken.None);
        var writes = new StepWrites(connection, dialect)
            .UpdateCase(new CaseUpdate(caseId, "in_progress", "{}", null, null, null, null, null, null, 3, now, null, "{}", "{}"), expectedVersion)
            .History(caseId, expectedVersion + 50, now, Actor.System, "in_progress", "in_progress", name, [], $"{name}:step")
            .Timers([new TimerRow { Id = Guid.CreateVersion7(), CaseId = caseId, Key = $"{name}:timer", Trigger = "resolution_overdue", DueAt = now.AddHours(1) }])
            .Outbox([new NewOutboxItem(Guid.CreateVersion7(), caseId, $"{name}:outbox", "notify_owner", new JsonObject().ToJsonString(), now)]);
        if (await writes.ExecuteAsync(step.Transaction, CancellationToken.None))
        {
            await step.CommitAsync(CancellationToken.None);
            return true;
        }

        await step.RollbackAsync(CancellationToken.None);
        return false;
    }
}

public sealed class StepWritesTests_on_Sqlite() : StepWritesTests(DatabaseProvider.Sqlite);

public sealed class StepWritesTests_on_Postgres() : StepWritesTests(DatabaseProvider.Postgres);
