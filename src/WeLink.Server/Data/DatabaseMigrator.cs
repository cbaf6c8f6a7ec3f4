using System.Reflection;
using DbUp;
using DbUp.Engine;
using Npgsql;

namespace WeLink.Server.Data;

/// <summary>
/// Applies the numbered plain-SQL scripts under <c>Data/Migrations/{Sqlite|Postgres}</c> with DbUp.
/// On PostgreSQL a session advisory lock makes nodes that start together take turns, so each
/// script runs once; on SQLite (one node by nature) a process-wide gate does the same for hosts
/// that share a file inside one process, as the tests do.
/// </summary>
public sealed partial class DatabaseMigrator(DatabaseSettings settings, ILogger<DatabaseMigrator> logger)
{
    /// <summary>An arbitrary constant: "WeLink" in ASCII, the key of the migration advisory lock.</summary>
    private const long AdvisoryLockKey = 0x5765_4C69_6E6B;

    private static readonly SemaphoreSlim SqliteGate = new(1, 1);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            // Not pooled: the lock is the session's, and pooled connections are not reset on close (see
            // DatabaseSettingsResolver), so closing this one must end its session, releasing the lock whatever happened.
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", connection))
            {
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            try
            {
                Upgrade();
            }
            finally
            {
                await using var unlockCommand = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLockKey})", connection);
                await unlockCommand.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        else
        {
            await SqliteGate.WaitAsync(cancellationToken);
            try
            {
                Upgrade();
            }
            finally
            {
                SqliteGate.Release();
            }
        }
    }

    /// <summary>True when every script has been applied; the readiness check uses it.</summary>
    public bool IsUpToDate() => !BuildEngine().IsUpgradeRequired();

    private void Upgrade()
    {
        var result = BuildEngine().PerformUpgrade();
        foreach (var script in result.Scripts)
        {
            LogApplied(script.Name);
        }

        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Migration {result.ErrorScript?.Name ?? "(unknown)"} failed on {settings.Describe()}: {result.Error.Message}",
                result.Error);
        }
    }

    private UpgradeEngine BuildEngine()
    {
        var folder = settings.Provider == DatabaseProvider.Postgres ? ".Migrations.Postgres." : ".Migrations.Sqlite.";
        var builder = settings.Provider == DatabaseProvider.Postgres
            ? DeployChanges.To.PostgresqlDatabase(settings.ConnectionString)
            : DeployChanges.To.SqliteDatabase(settings.ConnectionString);
        return builder
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.Contains(folder, StringComparison.Ordinal))
            .WithScripts(new QuartzSchemaScriptProvider(settings.Provider))
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogToNowhere()
            .Build();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Script}")]
    private partial void LogApplied(string script);
}
