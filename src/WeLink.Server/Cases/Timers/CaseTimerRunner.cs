using Dapper;
using Microsoft.Extensions.Options;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;

namespace WeLink.Server.Cases.Timers;

/// <summary>
/// Claims due timers and fires each through <see cref="CaseEngine"/> as the system actor. A claim is a lease written in
/// one statement: on PostgreSQL <c>FOR UPDATE SKIP LOCKED</c> lets nodes claim disjoint rows without waiting; on SQLite
/// the single writer serialises claims. The fire deletes the row in its own transaction and uses the timer id as its
/// idempotency key, so a node that dies after firing but before noticing cannot make the timer fire twice.
/// </summary>
public sealed partial class CaseTimerRunner(
    IDbConnectionFactory connections,
    CaseEngine engine,
    IOptions<CaseOptions> options,
    TimeProvider time,
    ILogger<CaseTimerRunner> logger)
{
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Fires every timer due now that no other node holds; returns how many were claimed.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        foreach (var timer in claimed)
        {
            var result = await engine.FireTimerAsync(timer, cancellationToken);
            if (result is CaseConflict)
            {
                // The case moved meanwhile; let the timer be claimed again on the next round.
                await ReleaseAsync(timer.Id, cancellationToken);
            }

            LogFired(timer.CaseId, timer.Key, result.GetType().Name);
        }

        return claimed.Count;
    }

    private async Task<IReadOnlyList<TimerRow>> ClaimAsync(CancellationToken cancellationToken)
    {
        const string claim = """
            UPDATE case_timers SET claimed_by = @node, claimed_until = @until
            WHERE id IN (
                SELECT id FROM case_timers
                WHERE due_at <= @now AND (claimed_until IS NULL OR claimed_until < @now)
                ORDER BY due_at LIMIT @batch {0})
            RETURNING id AS Id, case_id AS CaseId, key AS Key, trigger AS Trigger, breach AS Breach, due_at AS DueAt
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, claim, connections.Provider == DatabaseProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "");
        var now = time.GetUtcNow();
        var rows = await connection.QueryAsync<TimerRow>(new CommandDefinition(
            sql, new { node = _node, until = now + options.Value.TimerLease, now, batch = options.Value.TimerBatchSize }, cancellationToken: cancellationToken));
        return [.. rows.OrderBy(t => t.DueAt)];
    }

    private async Task ReleaseAsync(Guid timerId, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE case_timers SET claimed_by = NULL, claimed_until = NULL WHERE id = @timerId AND claimed_by = @node";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { timerId, node = _node }, cancellationToken: cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer {Key} of case {CaseId} fired: {Outcome}")]
    private partial void LogFired(Guid caseId, string key, string outcome);
}
