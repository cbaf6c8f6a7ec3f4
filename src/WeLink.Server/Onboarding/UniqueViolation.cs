using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace WeLink.Server.Onboarding;

/// <summary>Recognises a unique-constraint failure on either provider: the loser of a race for one appid or corpid.</summary>
public static class UniqueViolation
{
    /// <summary>SQLITE_CONSTRAINT; the extended code tells unique from others, but Microsoft.Data.Sqlite reports the primary one.</summary>
    private const int SqliteConstraint = 19;

    public static bool Matches(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || (exception is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
            && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal));
}
