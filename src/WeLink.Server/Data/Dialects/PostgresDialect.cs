using Dapper;

namespace WeLink.Server.Data.Dialects;

public sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    private PostgresDialect()
    {
    }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string SkipLockedRows => "FOR UPDATE SKIP LOCKED";

    public override bool BatchIsOneTransaction => true;

    /// <summary>Npgsql hands Dapper's list over as one array parameter, which PostgreSQL reads with <c>= ANY(...)</c>.</summary>
    public override string IsIn(string column, string parameter) => $"{column} = ANY({parameter})";

    public override string Contains(string column, string parameter) => $"strpos({column}, {parameter}) > 0";

    /// <summary><c>welink_case_step_won</c> (migration 0012) raises when it is handed no changed row.</summary>
    public override string GuardsBatch(string updateReturning) =>
        $"WITH changed AS ({updateReturning})\nSELECT welink_case_step_won(COUNT(*)) FROM changed";

    /// <summary>
    /// One array per column, read back as rows by <c>unnest</c>: every row count is the same statement (prepared once per
    /// connection) with one parameter per column rather than one per value.
    /// </summary>
    public override string WithRows<T>(string name, Rows<T> rows, DynamicParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var column in rows.Columns)
        {
            parameters.Add($"{name}_{column.Name}", column.Values(rows.Items));
        }

        var columns = rows.Columns.Select(c => c.Name).ToList();
        return $"WITH {name} ({string.Join(", ", columns)}) AS (SELECT * FROM unnest({string.Join(", ", columns.Select(c => $"@{name}_{c}"))}))";
    }
}
