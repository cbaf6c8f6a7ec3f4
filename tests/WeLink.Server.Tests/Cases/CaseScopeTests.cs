using WeLink.Server.Cases.Admin;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Tests.Cases;

/// <summary>
/// The engine places every operation in the actor's scope: a case of another dealer, another brand or another consumer
/// is not found, for reading, firing, claiming, reassigning and noting alike, and nothing about the case changes.
/// </summary>
public abstract class CaseScopeTests(DatabaseProvider provider)
{
    public static TheoryData<string> Outsiders => ["another dealer of the brand", "another brand", "another consumer of the dealer"];

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Every_operation_on_a_case_outside_the_scope_is_not_found_and_changes_nothing(string outsider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var cases = await CaseServices.StartAsync(database, CaseServices.Clock(), new RecordingActions());
        var (brand, dealer) = await database.SeedDealerAsync();
        var engine = cases.Get<CaseEngine>();
        var caseId = await CaseEngineTests.AcknowledgedCaseAsync(engine, brand, dealer);
        var scope = outsider switch
        {
            "another dealer of the brand" => CaseScope.Dealer(brand, Guid.NewGuid()),
            "another brand" => CaseScope.Brand(Guid.NewGuid()),
            _ => CaseScope.Consumer(brand, dealer, Guid.NewGuid()),
        };
        var staff = Guid.NewGuid();
        var before = await SnapshotAsync(database, caseId);

        Assert.Null(await cases.Get<CaseDetailsStore>().GetAsync(caseId, scope, CancellationToken.None));
        Assert.IsType<CaseNotFound>(await engine.FireAsync(
            new FireTrigger(caseId, scope, "resolve", CaseFixtures.Handler, new() { ["resolution"] = "Washed", ["recoverySteps"] = "all" }, "fire"), CancellationToken.None));
        Assert.IsType<CaseNotFound>(await engine.ClaimAsync(caseId, scope, Actor.Staff(staff.ToString(), "complaint_handler"), staff, "claim", null, CancellationToken.None));
        Assert.IsType<CaseNotFound>(await engine.ReassignAsync(caseId, scope, Actor.Staff(staff.ToString()), staff, "service_manager", "reassign", null, CancellationToken.None));
        Assert.Null(await engine.AddNoteAsync(caseId, scope, staff, "Not mine to write", CancellationToken.None));

        Assert.Equal(before, await SnapshotAsync(database, caseId));
    }

    [Fact]
    public async Task The_dealer_the_brand_and_the_consumer_of_the_case_reach_it()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var cases = await CaseServices.StartAsync(database, CaseServices.Clock(), new RecordingActions());
        var (brand, dealer) = await database.SeedDealerAsync();
        var engine = cases.Get<CaseEngine>();
        var consumer = Guid.NewGuid();
        var started = await engine.StartAsync(
            CaseEngineTests.Start(brand, dealer, "start") with { SubjectId = consumer.ToString(), Actor = Actor.Consumer(consumer.ToString()) }, CancellationToken.None);
        var caseId = Assert.IsType<CaseMoved>(started).CaseId;
        var staff = Guid.NewGuid();

        Assert.NotNull(await cases.Get<CaseDetailsStore>().GetAsync(caseId, CaseScope.Consumer(brand, dealer, consumer), CancellationToken.None));
        Assert.NotNull(await cases.Get<CaseDetailsStore>().GetAsync(caseId, CaseScope.Brand(brand), CancellationToken.None));
        Assert.NotNull(await engine.AddNoteAsync(caseId, CaseScope.Dealer(brand, dealer), staff, "Called back", CancellationToken.None));
        Assert.IsType<CaseMoved>(await engine.ClaimAsync(
            caseId, CaseScope.Dealer(brand, dealer), Actor.Staff(staff.ToString(), "complaint_handler"), staff, "claim", null, CancellationToken.None));
    }

    /// <summary>Everything an operation could change about the case: its row, its history, its notes, its outbox.</summary>
    private static async Task<string> SnapshotAsync(TestDatabase database, Guid caseId) =>
        $"""
        {await database.ScalarAsync<long>("SELECT version FROM cases WHERE id = @caseId", new { caseId })}
        {await database.ScalarAsync<string>("SELECT state FROM cases WHERE id = @caseId", new { caseId })}
        {await database.ScalarAsync<string?>("SELECT assignee_role FROM cases WHERE id = @caseId", new { caseId })}
        {await database.ScalarAsync<long>("SELECT COUNT(*) FROM case_history WHERE case_id = @caseId", new { caseId })}
        {await database.ScalarAsync<long>("SELECT COUNT(*) FROM case_notes WHERE case_id = @caseId", new { caseId })}
        {await database.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE case_id = @caseId", new { caseId })}
        """;
}

public sealed class CaseScopeTests_on_Sqlite() : CaseScopeTests(DatabaseProvider.Sqlite);

public sealed class CaseScopeTests_on_Postgres() : CaseScopeTests(DatabaseProvider.Postgres);
