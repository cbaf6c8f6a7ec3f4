using Microsoft.Extensions.Logging.Abstractions;
using WeLink.Server.Data;

namespace WeLink.Server.Tests.Foundation;

public abstract class MigrationTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Migrations_create_our_tables_and_quartz_tables_on_an_empty_database()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var migrator = new DatabaseMigrator(database.Settings, NullLogger<DatabaseMigrator>.Instance);
        Assert.False(migrator.IsUpToDate());

        await migrator.MigrateAsync(CancellationToken.None);

        Assert.True(migrator.IsUpToDate());
        var tables = await database.TableNamesAsync();
        Assert.Superset(
            new HashSet<string> { "schemaversions", "data_protection_keys", "dedup_keys", "qrtz_job_details", "qrtz_triggers", "qrtz_locks", "qrtz_scheduler_state" },
            new HashSet<string>(tables));
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_and_keeps_the_data()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var migrator = new DatabaseMigrator(database.Settings, NullLogger<DatabaseMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);
        await database.ExecuteAsync("INSERT INTO dedup_keys (key, expires_at) VALUES ('k1', '2030-01-01T00:00:00Z')");
        var journalled = await database.ScalarAsync<long>("SELECT COUNT(*) FROM schemaversions");

        await migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(journalled, await database.ScalarAsync<long>("SELECT COUNT(*) FROM schemaversions"));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT COUNT(*) FROM dedup_keys"));
    }

    [Fact]
    public async Task Migrators_racing_on_one_database_apply_each_script_once()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var migrators = Enumerable.Range(0, 4).Select(_ => new DatabaseMigrator(database.Settings, NullLogger<DatabaseMigrator>.Instance));

        await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync(CancellationToken.None))));

        var scripts = await database.ScalarAsync<long>("SELECT COUNT(*) FROM schemaversions");
        var distinct = await database.ScalarAsync<long>("SELECT COUNT(DISTINCT scriptname) FROM schemaversions");
        Assert.Equal(distinct, scripts);
        Assert.True(scripts >= 2, $"expected at least our two scripts, found {scripts}");
    }

    [Fact]
    public async Task A_migration_leaves_no_lock_held_even_when_a_script_fails()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var migrator = new DatabaseMigrator(database.Settings, NullLogger<DatabaseMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);
        // Our first script forgotten by the journal runs again and fails, its tables being there: a throw inside the lock.
        await database.ExecuteAsync("DELETE FROM schemaversions WHERE scriptname = (SELECT MIN(scriptname) FROM schemaversions WHERE scriptname LIKE 'WeLink.%')");

        await Assert.ThrowsAnyAsync<Exception>(() => migrator.MigrateAsync(CancellationToken.None));

        if (provider == DatabaseProvider.Postgres)
        {
            Assert.Equal(0, await database.ScalarAsync<long>("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'"));
        }

        // Another migrator is not kept waiting for a lock nobody holds: it fails on the same script, not on a timeout.
        var again = Task.Run(() => new DatabaseMigrator(database.Settings, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None));
        Assert.Same(again, await Task.WhenAny(again, Task.Delay(TimeSpan.FromSeconds(60))));
        await Assert.ThrowsAnyAsync<Exception>(() => again);
    }
}

public sealed class MigrationTests_on_Sqlite() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class MigrationTests_on_Postgres() : MigrationTests(DatabaseProvider.Postgres);
