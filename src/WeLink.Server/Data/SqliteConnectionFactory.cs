using System.Data.Common;
using Microsoft.Data.Sqlite;
using WeLink.Server.Data.Dialects;

namespace WeLink.Server.Data;

/// <summary>
/// SQLite connections with foreign keys on, a busy timeout, and WAL so readers never block the writer.
/// SQLite allows one writer at a time; the busy timeout makes other writers wait instead of failing.
/// </summary>
public sealed class SqliteConnectionFactory(DatabaseSettings settings) : IDbConnectionFactory
{
    private readonly int _busyTimeoutMs = new SqliteConnectionStringBuilder(settings.ConnectionString).DefaultTimeout * 1000;
    private int _walEnabled;

    public SqlDialect Dialect => SqliteDialect.Instance;

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = Interlocked.Exchange(ref _walEnabled, 1) == 0
                ? $"PRAGMA journal_mode = WAL; PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = NORMAL;"
                : $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
