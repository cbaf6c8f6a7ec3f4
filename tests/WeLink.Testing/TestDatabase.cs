using Microsoft.Extensions.Configuration;
using Npgsql;
using WeLink.Server.Data;

namespace WeLink.Testing;

/// <summary>
/// A fresh database for one test, empty (<see cref="CreateAsync"/>) or migrated (<see cref="CreateMigratedAsync"/>): a
/// new SQLite file in a temp folder, or a new database on the test PostgreSQL server. Dropped on dispose.
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

    /// <summary>
    /// A fresh database already migrated to the latest scripts, for a test about what runs on the schema rather than about
    /// migrating it: a copy of <see cref="MigratedTemplates"/>'s. A host started on it finds nothing to apply.
    /// </summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var template = await MigratedTemplates.SqliteFileAsync();
            var database = await CreateAsync(provider);
            File.Copy(template, Path.Combine(database._sqliteFolder!, "welink.db"));
            return database;
        }

        var source = await MigratedTemplates.PostgresTemplateAsync();
        var name = $"welink_test_{Guid.CreateVersion7():N}";
        await using (var admin = new NpgsqlConnection(TestServices.Postgres))
        {
            await admin.OpenAsync();
            await CreateFromTemplateAsync(admin, name, source);
        }

        var builder = new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            await DeleteFolderAsync(_sqliteFolder);
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

    /// <summary>PostgreSQL refuses a copy while another session is in the template (55006); copies running together retry.</summary>
    private static async Task CreateFromTemplateAsync(NpgsqlConnection admin, string name, string template)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", admin);
                await create.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                await Task.Delay(20 * attempt);
            }
        }
    }

    /// <summary>
    /// A connection a stopped host's last poll opened may still write the journal beside the file for a moment, making
    /// the folder not empty as it is removed; the removal waits for it rather than fail the test that used it.
    /// </summary>
    private static async Task DeleteFolderAsync(string folder)
    {
        for (var attempt = 1; ; attempt++)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }
}
