using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using WeLink.Server.Data;

namespace WeLink.Server.Tests.Data;

/// <summary>
/// After every migration, SQLite and PostgreSQL hold the same schema: tables, columns (by type family and nullability),
/// primary keys, unique constraints and indexes, as each engine's own catalog reports them. What may differ is listed in
/// <see cref="ProviderOnly"/>, each with its reason.
/// </summary>
public sealed class SchemaParityTests
{
    /// <summary>Objects one provider has by design; matched by prefix against the described object.</summary>
    private static readonly string[] ProviderOnly =
    [
        // Quartz's own schema scripts (QuartzSchemaScriptProvider) differ per provider: its PostgreSQL script declares
        // other types and indexes than its SQLite one, and Quartz, not WeLink, reads these tables.
        "table qrtz_",
        "column qrtz_",
        "primary key qrtz_",
        "unique qrtz_",
        "index qrtz_",
        "index idx_qrtz_",

        // DbUp's journal of applied scripts: each provider's journal is DbUp's own.
        "table schemaversions",
        "column schemaversions.",
        "primary key schemaversions",
    ];

    private static readonly string[] Families = ["integer", "integer", "text", "text", "text", "real", "blob"];
    private static readonly string[] SqliteTypes = ["INTEGER", "BIGINT", "TEXT", "VARCHAR(20)", "CLOB", "DOUBLE", "BLOB"];
    private static readonly string[] PostgresTypes = ["integer", "boolean", "text", "uuid", "timestamp with time zone", "double precision", "bytea"];

    [Fact]
    public async Task Sqlite_and_postgres_have_the_same_schema_after_migration_except_the_listed_provider_only_objects()
    {
        var sqlite = await MigratedSchemaAsync(DatabaseProvider.Sqlite, SqliteSchemaAsync);
        var postgres = await MigratedSchemaAsync(DatabaseProvider.Postgres, PostgresSchemaAsync);

        Assert.NotEmpty(sqlite);
        Assert.Empty(sqlite.Except(postgres).Order(StringComparer.Ordinal).Select(o => $"SQLite only: {o}"));
        Assert.Empty(postgres.Except(sqlite).Order(StringComparer.Ordinal).Select(o => $"PostgreSQL only: {o}"));
    }

    [Fact]
    public async Task On_postgres_autovacuum_visits_the_queue_tables_after_a_hundredth_of_them_changed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await new DatabaseMigrator(database.Settings, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await using var connection = await database.OpenAsync();

        var options = (await connection.QueryAsync<(string Table, string Option)>(
            "SELECT relname, unnest(reloptions) FROM pg_class WHERE relname IN ('inbox', 'outbox') AND relkind = 'r'")).ToList();

        string[] expected =
        [
            "autovacuum_analyze_scale_factor=0.02", "autovacuum_vacuum_insert_scale_factor=0.01", "autovacuum_vacuum_scale_factor=0.01",
        ];
        Assert.Equal(expected, options.Where(o => o.Table == "inbox").Select(o => o.Option).Order(StringComparer.Ordinal));
        Assert.Equal(expected, options.Where(o => o.Table == "outbox").Select(o => o.Option).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_type_families_group_what_each_provider_stores_alike()
    {
        Assert.Equal(Families, SqliteTypes.Select(SqliteFamily));
        Assert.Equal(Families, PostgresTypes.Select(PostgresFamily));
        Assert.Throws<ArgumentOutOfRangeException>(() => PostgresFamily("tsvector"));
    }

    private static async Task<HashSet<string>> MigratedSchemaAsync(DatabaseProvider provider, Func<System.Data.Common.DbConnection, Task<IEnumerable<string>>> read)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await new DatabaseMigrator(database.Settings, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await using var connection = await database.OpenAsync();
        return (await read(connection))
            .Select(o => o.ToLowerInvariant())
            .Where(o => !ProviderOnly.Any(p => o.StartsWith(p, StringComparison.Ordinal)))
            .ToHashSet();
    }

    private static async Task<IEnumerable<string>> SqliteSchemaAsync(System.Data.Common.DbConnection connection)
    {
        var objects = new List<string>();
        var tables = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        foreach (var table in tables)
        {
            objects.Add($"table {table}");
            var columns = (await connection.QueryAsync<(string Name, string Type, long NotNull, long Pk)>(
                "SELECT name, type, \"notnull\", pk FROM pragma_table_info(@table)", new { table })).ToList();
            objects.AddRange(columns.Select(c => $"column {table}.{c.Name} {SqliteFamily(c.Type)} {(c.NotNull == 1 || c.Pk > 0 ? "not null" : "null")}"));
            if (columns.Any(c => c.Pk > 0))
            {
                objects.Add($"primary key {table} ({string.Join(", ", columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name))})");
            }

            var indexes = await connection.QueryAsync<(string Name, long Unique, string Origin, long Partial)>(
                "SELECT name, \"unique\", origin, partial FROM pragma_index_list(@table)", new { table });
            foreach (var index in indexes.Where(i => i.Origin != "pk"))
            {
                var keys = string.Join(", ", await connection.QueryAsync<string>(
                    "SELECT COALESCE(name, '(expression)') FROM pragma_index_info(@index) ORDER BY seqno", new { index = index.Name }));
                objects.Add(index.Origin == "u"
                    ? $"unique {table} ({keys})"
                    : $"index {index.Name} on {table} ({keys}){(index.Unique == 1 ? " unique" : "")}{(index.Partial == 1 ? " partial" : "")}");
            }
        }

        return objects;
    }

    private static async Task<IEnumerable<string>> PostgresSchemaAsync(System.Data.Common.DbConnection connection)
    {
        var objects = new List<string>();
        objects.AddRange((await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")).Select(t => $"table {t}"));
        objects.AddRange((await connection.QueryAsync<(string Table, string Column, string Type, string Nullable)>("""
            SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public'
            """)).Select(c => $"column {c.Table}.{c.Column} {PostgresFamily(c.Type)} {(c.Nullable == "YES" ? "null" : "not null")}"));

        // Constraints and indexes from pg_catalog: key columns in key order (an expression key has no column, attnum 0),
        // and whether an index is partial.
        objects.AddRange(await connection.QueryAsync<string>("""
            SELECT CASE c.contype WHEN 'p' THEN 'primary key ' ELSE 'unique ' END || t.relname || ' ('
                   || string_agg(a.attname, ', ' ORDER BY k.ordinality) || ')'
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
            CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k (attnum, ordinality)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE c.contype IN ('p', 'u')
            GROUP BY c.oid, c.contype, t.relname
            """));
        objects.AddRange(await connection.QueryAsync<string>("""
            SELECT 'index ' || i.relname || ' on ' || t.relname || ' ('
                   || string_agg(COALESCE(a.attname, '(expression)'), ', ' ORDER BY k.ordinality) || ')'
                   || CASE WHEN x.indisunique THEN ' unique' ELSE '' END || CASE WHEN x.indpred IS NOT NULL THEN ' partial' ELSE '' END
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
            CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k (attnum, ordinality)
            LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u'))
            GROUP BY i.relname, t.relname, x.indisunique, x.indpred IS NOT NULL
            """));
        return objects;
    }

    /// <summary>SQLite's type affinity (its documented rules, in their order), which is all SQLite keeps of a declared type.</summary>
    private static string SqliteFamily(string declared)
    {
        var type = declared.ToUpperInvariant();
        return type.Contains("INT", StringComparison.Ordinal) ? "integer"
            : type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal) ? "text"
            : type.Contains("BLOB", StringComparison.Ordinal) || type.Length == 0 ? "blob"
            : type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal) ? "real"
            : "numeric";
    }

    /// <summary>
    /// What the SQLite side stores a PostgreSQL type as: uuids, times and dates are text there, booleans are integers.
    /// An unknown type fails the test, so a new one is placed in a family on purpose.
    /// </summary>
    private static string PostgresFamily(string type) => type switch
    {
        "integer" or "bigint" or "smallint" or "boolean" => "integer",
        "text" or "character varying" or "character" or "uuid" or "timestamp with time zone" or "timestamp without time zone" or "date" or "json" or "jsonb" => "text",
        "double precision" or "real" => "real",
        "numeric" => "numeric",
        "bytea" => "blob",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "A PostgreSQL type without a family; add it on purpose."),
    };
}
