namespace WeLink.Server.Data.Dialects;

public sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    private PostgresDialect()
    {
    }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string SkipLockedRows => "FOR UPDATE SKIP LOCKED";

    public override bool BindsArrays => true;

    public override bool BatchIsOneTransaction => true;

    /// <summary>Npgsql hands Dapper's list over as one array parameter, which PostgreSQL reads with <c>= ANY(...)</c>.</summary>
    public override string IsIn(string column, string parameter) => $"{column} = ANY({parameter})";

    /// <summary><c>welink_case_step_won</c> (migration 0012) raises when it is handed no changed row.</summary>
    public override string GuardsBatch(string updateReturning) =>
        $"WITH changed AS ({updateReturning})\nSELECT welink_case_step_won(COUNT(*)) FROM changed";
}
