using System.Globalization;
using Dapper;

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

    public override bool BatchIsOneTransaction => false;

    /// <summary>Dapper expands <c>IN @list</c> into one parameter per element.</summary>
    public override string IsIn(string column, string parameter) => $"{column} IN {parameter}";

    public override string Contains(string column, string parameter) => $"instr({column}, {parameter}) > 0";

    public override string GuardsBatch(string updateReturning) => updateReturning;

    /// <summary>One <c>VALUES</c> row of parameters per row, since SQLite binds no arrays.</summary>
    public override string WithRows<T>(string name, Rows<T> rows, DynamicParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(parameters);
        var values = new string[rows.Items.Count];
        for (var i = 0; i < rows.Items.Count; i++)
        {
            var row = rows.Items[i];
            var cells = new List<string>(rows.Columns.Count);
            foreach (var column in rows.Columns)
            {
                var parameter = string.Create(CultureInfo.InvariantCulture, $"{name}_{column.Name}{i}");
                parameters.Add(parameter, column.Value(row));
                cells.Add("@" + parameter);
            }

            values[i] = $"({string.Join(", ", cells)})";
        }

        return $"WITH {name} ({string.Join(", ", rows.Columns.Select(c => c.Name))}) AS (VALUES {string.Join(", ", values)})";
    }
}
