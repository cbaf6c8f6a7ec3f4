using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace WeLink.Server.Data;

/// <summary>What a refused write means, on either provider: the one place that knows their error codes.</summary>
internal static class DbErrors
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>A unique or primary-key constraint refused the write, on either provider.</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException lite => lite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };

    /// <summary>
    /// PostgreSQL undid a write that raced another (serialization_failure), as a case step's guard does when the case moved
    /// first; SQLite writers take turns and never see one.
    /// </summary>
    public static bool IsSerializationFailure(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure };

    /// <summary>
    /// Two PostgreSQL transactions waited on each other's rows and one was undone (deadlock_detected); retrying it runs
    /// alone. SQLite writers take turns and never see one.
    /// </summary>
    public static bool IsDeadlock(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected };

    /// <summary>The name of the violated constraint or index where the provider tells it, else the message.</summary>
    public static string Constraint(DbException exception) => exception switch
    {
        PostgresException pg => pg.ConstraintName ?? pg.MessageText,
        _ => exception.Message,
    };
}
