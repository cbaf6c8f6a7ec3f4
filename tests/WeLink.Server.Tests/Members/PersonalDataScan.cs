using Dapper;
using WeLink.Server.Data;

namespace WeLink.Server.Tests.Members;

/// <summary>Searches every text column of every table of WeLink's database for a value: where a person's data still is.</summary>
internal static class PersonalDataScan
{
    /// <summary>Each <c>table.column</c> holding <paramref name="needle"/> anywhere in its text.</summary>
    public static async Task<IReadOnlyList<string>> WhereAsync(TestDatabase database, string needle)
    {
        await using var connection = await database.OpenAsync();
        var columns = database.Provider == DatabaseProvider.Postgres
            ? await connection.QueryAsync<(string Table, string Column)>("""
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema AND t.table_type = 'BASE TABLE'
                WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'json', 'jsonb')
                """)
            : await connection.QueryAsync<(string Table, string Column)>("""
                SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND p.type = 'TEXT'
                """);
        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            var count = await connection.ExecuteScalarAsync<long>(
                $"SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE @pattern", new { pattern = $"%{needle}%" });
            if (count > 0)
            {
                found.Add($"{table}.{column}");
            }
        }

        return found;
    }
}
