using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WeLink.Server.Data;

namespace WeLink.Testing;

/// <summary>
/// One database per provider migrated to the scripts WeLink.Server carries, kept for every later test run with the same
/// scripts: copying it (a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL) takes a fraction of
/// the seconds that running every script takes, and most tests start a host on a migrated database. Its name is the
/// scripts' hash, so changed scripts make a new one and test processes running side by side share it.
/// </summary>
internal static class MigratedTemplates
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Lazy<string> ScriptsHash = new(HashScripts);
    private static string? _sqliteFile;
    private static string? _postgresName;

    /// <summary>A migrated SQLite file to copy.</summary>
    public static async Task<string> SqliteFileAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_sqliteFile is not null)
            {
                return _sqliteFile;
            }

            var file = Path.Combine(Path.GetTempPath(), $"welink-migrated-{ScriptsHash.Value}.db");
            if (!File.Exists(file))
            {
                var building = $"{file}.{Guid.NewGuid():N}.building";
                var connectionString = $"Data Source={building}";
                await MigrateAsync(DatabaseProvider.Sqlite, connectionString);
                using (var connection = new SqliteConnection(connectionString))
                {
                    SqliteConnection.ClearPool(connection);
                }

                // Another process may have made it meanwhile; theirs is the same schema.
                try
                {
                    File.Move(building, file, overwrite: false);
                }
                catch (IOException) when (File.Exists(file))
                {
                    File.Delete(building);
                }
            }

            return _sqliteFile = file;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The name of a migrated PostgreSQL database nobody connects to, to create databases from.</summary>
    public static async Task<string> PostgresTemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_postgresName is not null)
            {
                return _postgresName;
            }

            var name = $"welink_migrated_{ScriptsHash.Value}";
            await using var admin = new NpgsqlConnection(TestServices.Postgres);
            await admin.OpenAsync();
            if (await ExistsAsync(admin, name))
            {
                return _postgresName = name;
            }

            var building = $"welink_building_{Guid.NewGuid():N}";
            await ExecuteAsync(admin, $"CREATE DATABASE {building}");
            var connectionString = new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = building, Pooling = false }.ConnectionString;
            await MigrateAsync(DatabaseProvider.Postgres, connectionString);
            try
            {
                await ExecuteAsync(admin, $"ALTER DATABASE {building} RENAME TO {name}");
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                await ExecuteAsync(admin, $"DROP DATABASE {building}");
            }

            return _postgresName = name;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task MigrateAsync(DatabaseProvider provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["ConnectionStrings:WeLink"] = connectionString,
        }).Build();
        var settings = DatabaseSettingsResolver.Resolve(configuration, Path.GetTempPath());
        await new DatabaseMigrator(settings, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection admin, string name)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync() is not null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection admin, string sql)
    {
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    private static string HashScripts()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(".Migrations.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(resource));
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            hash.AppendData(buffer.ToArray());
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
