using Dapper;

namespace WeLink.Server.Data.Dialects;

/// <summary>
/// What differs between the SQL of the two providers, asked of one object instead of by provider checks in each store.
/// Everything here returns SQL fragments built from identifiers the caller names in code, never from values.
/// </summary>
public abstract class SqlDialect
{
    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => PostgresDialect.Instance,
        DatabaseProvider.Sqlite => SqliteDialect.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a supported database provider."),
    };

    public abstract DatabaseProvider Provider { get; }

    /// <summary>
    /// Appended to the sub-select that picks the rows of a claim, so concurrent claimers take disjoint rows without
    /// waiting on each other; empty where the engine already serialises writers.
    /// </summary>
    public abstract string SkipLockedRows { get; }

    /// <summary>
    /// True when a command of several statements runs as one implicit transaction, so a batch needs no explicit
    /// BEGIN/COMMIT round trips; otherwise each statement commits on its own unless a transaction is opened.
    /// </summary>
    public abstract bool BatchIsOneTransaction { get; }

    /// <summary>"<paramref name="column"/> is one of the list bound as <paramref name="parameter"/>".</summary>
    public abstract string IsIn(string column, string parameter);

    /// <summary>"<paramref name="column"/> contains the text bound as <paramref name="parameter"/>", taken literally (no LIKE wildcards).</summary>
    public abstract string Contains(string column, string parameter);

    /// <summary>
    /// <paramref name="updateReturning"/> (an UPDATE … RETURNING, the first statement of a batch) as the batch's guard:
    /// it returns a row when it changed one. Where a batch is one transaction, changing none raises
    /// serialization_failure, which undoes the whole batch with no explicit transaction; elsewhere the statement is left as
    /// it is, and the caller, who opened a transaction, rolls back on finding no row.
    /// </summary>
    public abstract string GuardsBatch(string updateReturning);

    /// <summary>
    /// <c>WITH <paramref name="name"/> (columns) AS (…)</c>: <paramref name="rows"/> as a relation that the statement
    /// after it selects from, their values added to <paramref name="parameters"/> (named after the relation and column).
    /// </summary>
    public abstract string WithRows<T>(string name, Rows<T> rows, DynamicParameters parameters);
}
