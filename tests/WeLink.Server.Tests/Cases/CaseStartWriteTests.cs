using WeLink.Server.Cases.Engine;
using WeLink.Server.Complaints;
using WeLink.Server.Data;

namespace WeLink.Server.Tests.Cases;

/// <summary>A feature's own row is written in the transaction of its case's first step: both exist, or neither.</summary>
public abstract class CaseStartWriteTests(DatabaseProvider provider)
{
    [Fact]
    public async Task The_features_row_is_written_with_the_case()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var cases = await CaseServices.StartAsync(database, CaseServices.Clock(), new RecordingActions());
        var (brand, dealer) = await database.SeedDealerAsync();
        var consumer = (await Seed.In(database).ConsumerAsync(dealer, "o-start")).Id;

        var started = await cases.Get<CaseEngine>().StartAsync(
            CaseEngineTests.Start(brand, dealer, "start") with { FeatureWrite = c => ComplaintStore.Filed(Complaint(c, brand, dealer, consumer, "Service")) },
            CancellationToken.None);

        var caseId = Assert.IsType<CaseMoved>(started).CaseId;
        Assert.Equal(caseId, await database.ScalarAsync<Guid>("SELECT case_id FROM complaints"));
    }

    [Fact]
    public async Task A_failure_in_the_features_write_leaves_neither_the_case_nor_the_row()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var cases = await CaseServices.StartAsync(database, CaseServices.Clock(), new RecordingActions());
        var (brand, dealer) = await database.SeedDealerAsync();
        var consumer = (await Seed.In(database).ConsumerAsync(dealer, "o-start")).Id;

        // A category of null breaks the complaints row's NOT NULL after the case, its history, timers and outbox are written.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => cases.Get<CaseEngine>().StartAsync(
            CaseEngineTests.Start(brand, dealer, "start") with { FeatureWrite = c => ComplaintStore.Filed(Complaint(c, brand, dealer, consumer, null!)) },
            CancellationToken.None));

        foreach (var table in new[] { "cases", "case_history", "case_timers", "outbox", "complaints" })
        {
            Assert.Equal(0, await database.ScalarAsync<long>($"SELECT COUNT(*) FROM {table}"));
        }
    }

    private static ComplaintRow Complaint(StartedCase started, Guid brand, Guid dealer, Guid consumer, string category) => new()
    {
        CaseId = started.CaseId,
        BrandId = brand,
        DealerId = dealer,
        ConsumerId = consumer,
        Category = category,
        Severity = "normal",
        CreatedAt = started.At,
    };
}

public sealed class CaseStartWriteTests_on_Sqlite() : CaseStartWriteTests(DatabaseProvider.Sqlite);

public sealed class CaseStartWriteTests_on_Postgres() : CaseStartWriteTests(DatabaseProvider.Postgres);
