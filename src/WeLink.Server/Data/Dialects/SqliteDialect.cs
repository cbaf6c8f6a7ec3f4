namespace WeLink.Server.Data.Dialects;

public sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    private SqliteDialect()
    {
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>
    /// None needed: SQLite has one writer at a time, so a claim's UPDATE … WHERE id IN (SELECT …) runs whole before the
    /// next claimer's reads its rows, and two claimers never take the same row.
    /// </summary>
    public override string SkipLockedRows => "";

    public override bool BindsArrays => false;

    public override bool BatchIsOneTransaction => false;

    /// <summary>Dapper expands <c>IN @list</c> into one parameter per element.</summary>
    public override string IsIn(string column, string parameter) => $"{column} IN {parameter}";

    public override string GuardsBatch(string updateReturning) => updateReturning;
}
