using System.Data.Common;
using WeLink.Server.Data.Dialects;

namespace WeLink.Server.Cases.Engine;

/// <summary>
/// What a step's reads and writes run in. Where a command's statements run one by one, each on its own (SQLite), an
/// explicit transaction. Where a batch is one transaction (<see cref="SqlDialect.BatchIsOneTransaction"/>, PostgreSQL),
/// none: the step's writes go as one batch, one implicit transaction that its guard undoes when the case moved first
/// (<see cref="SqlDialect.GuardsBatch"/>, <see cref="StepWrites.UpdateCase"/>), so no COMMIT costs a round trip. Reads
/// need no transaction on either: the version-checked update is what makes a decision taken on them safe.
/// </summary>
internal sealed class StepTransaction : IAsyncDisposable
{
    private StepTransaction(DbTransaction? transaction) => Transaction = transaction;

    /// <summary>The explicit transaction to hand to commands; null where the batch is the transaction.</summary>
    public DbTransaction? Transaction { get; }

    public static async Task<StepTransaction> BeginAsync(DbConnection connection, SqlDialect dialect, CancellationToken cancellationToken) =>
        new(dialect.BatchIsOneTransaction ? null : await connection.BeginTransactionAsync(cancellationToken));

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public Task RollbackAsync(CancellationToken cancellationToken) => Transaction?.RollbackAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => Transaction?.DisposeAsync() ?? ValueTask.CompletedTask;
}
