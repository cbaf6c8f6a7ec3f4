using Microsoft.Data.Sqlite;
using Npgsql;

namespace WeLink.Server.Tenancy;

/// <summary>Recognises a unique-constraint violation on either provider, so a duplicate name or code becomes a 409, not a 500.</summary>
internal static class UniqueViolation
{
    private const int SqliteConstraintUnique = 2067;

    public static bool Is(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique,
        _ => false,
    };
}
