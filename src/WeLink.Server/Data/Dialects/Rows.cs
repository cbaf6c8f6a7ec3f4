namespace WeLink.Server.Data.Dialects;

/// <summary>
/// Rows built in code for one multi-row statement, declared column by column; <see cref="SqlDialect.WithRows{T}"/> turns
/// them into a named relation that the statement selects from. Column names come from code, never from input; values
/// are always parameters.
/// </summary>
public sealed class Rows<T>(IReadOnlyList<T> items)
{
    private readonly List<IColumn> _columns = [];

    internal interface IColumn
    {
        string Name { get; }

        /// <summary>The column's value in every row, as one typed array.</summary>
        object Values(IReadOnlyList<T> rows);

        object? Value(T row);
    }

    public IReadOnlyList<T> Items => items;

    internal IReadOnlyList<IColumn> Columns => _columns;

    public Rows<T> Column<TValue>(string name, Func<T, TValue> value)
    {
        _columns.Add(new TypedColumn<TValue>(name, value));
        return this;
    }

    private sealed record TypedColumn<TValue>(string Name, Func<T, TValue> Get) : IColumn
    {
        public object Values(IReadOnlyList<T> rows) => rows.Select(Get).ToArray();

        public object? Value(T row) => Get(row);
    }
}
