using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using WeLink.Server.Data;

namespace WeLink.Testing;

/// <summary>Direct access to a test database, independent of the code under test's connection factory.</summary>
public static class DatabaseQueries
{
    public static async Task<DbConnection> OpenAsync(this TestDatabase database)
    {
        DbConnection connection = database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<IReadOnlySet<string>> TableNamesAsync(this TestDatabase database)
    {
        var sql = database.Provider == DatabaseProvider.Postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        await using var connection = await database.OpenAsync();
        var names = await connection.QueryAsync<string>(sql);
        return names.Select(n => n.ToLowerInvariant()).ToHashSet();
    }

    public static async Task<T> ScalarAsync<T>(this TestDatabase database, string sql, object? parameters = null)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public static async Task<List<T>> QueryAsync<T>(this TestDatabase database, string sql, object? parameters = null)
    {
        await using var connection = await database.OpenAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public static async Task ExecuteAsync(this TestDatabase database, string sql, object? parameters = null)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }
}
