using System.Data.Common;
using Npgsql;

namespace WeLink.Server.Data;

/// <summary>
/// "column is one of a list": Dapper expands <c>IN @list</c> for SQLite, but hands Npgsql the list as one array
/// parameter, which PostgreSQL reads with <c>= ANY(...)</c>.
/// </summary>
internal static class SqlLists
{
    public static string IsIn(DbConnection connection, string column, string parameter) =>
        connection is NpgsqlConnection ? $"{column} = ANY({parameter})" : $"{column} IN {parameter}";
}
