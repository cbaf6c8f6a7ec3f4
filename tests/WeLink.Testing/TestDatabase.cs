using Microsoft.Extensions.Configuration;
using Npgsql;
using WeLink.Server.Data;

namespace WeLink.Testing;

/// <summary>
/// A fresh, empty database for one test: a new SQLite file in a temp folder, or a new database on the
/// test PostgreSQL server. Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFolder;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFolder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string ProviderName => Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";

    /// <summary>Command-line configuration that points a WeLink host at this database.</summary>
    public IEnumerable<string> HostArgs =>
    [
        $"--Database:Provider={ProviderName}",
        $"--ConnectionStrings:WeLink={ConnectionString}",
    ];

    /// <summary>The settings a host given <see cref="HostArgs"/> resolves, for services built without a host.</summary>
    public DatabaseSettings Settings => DatabaseSettingsResolver.Resolve(
        new ConfigurationBuilder().AddCommandLine([.. HostArgs]).Build(), Path.GetTempPath());

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("welink-test-").FullName;
            var connectionString = $"Data Source={Path.Combine(folder, "welink.db")};Foreign Keys=True;Default Timeout=30";
            return new TestDatabase(provider, connectionString, folder, null);
        }

        var name = $"welink_test_{Guid.CreateVersion7():N}";
        await using (var admin = new NpgsqlConnection(TestServices.Postgres))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteFolder, recursive: true);
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestServices.Postgres);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
