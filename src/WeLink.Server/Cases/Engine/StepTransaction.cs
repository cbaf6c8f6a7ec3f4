using System.Data.Common;
using Npgsql;

namespace WeLink.Server.Cases.Engine;

/// <summary>
/// What a step's reads and writes run in. On SQLite, an explicit transaction: it runs a command's statements one by one,
/// each on its own otherwise. On PostgreSQL, none: the step's writes go as one batch, which PostgreSQL runs as one
/// implicit transaction that <c>welink_case_step_won</c> undoes when the case moved first (see
/// <see cref="StepWrites.UpdateCase"/>), so no COMMIT costs a round trip. Reads need no transaction on either: the
/// version-checked update is what makes a decision taken on them safe.
/// </summary>
internal sealed class StepTransaction : IAsyncDisposable
{
    private StepTransaction(DbTransaction? transaction) => Transaction = transaction;

    /// <summary>The explicit transaction to hand to commands; null on PostgreSQL.</summary>
    public DbTransaction? Transaction { get; }

    public static async Task<StepTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
        new(connection is NpgsqlConnection ? null : await connection.BeginTransactionAsync(cancellationToken));

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public Task RollbackAsync(CancellationToken cancellationToken) => Transaction?.RollbackAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => Transaction?.DisposeAsync() ?? ValueTask.CompletedTask;
}
