using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Options;
using WeLink.Server.Data;
using WeLink.Workflow.Actions;

namespace WeLink.Server.Cases.Outbox;

/// <summary>
/// Delivers pending outbox items to their action handlers, at least once. An item is claimed with a lease (its attempt
/// counted at the claim, so a crash loop ends parked too); success marks it done, failure schedules the next attempt with
/// exponential backoff, and after <see cref="CaseOptions.OutboxMaxAttempts"/> attempts it is parked with the last error.
/// </summary>
public sealed partial class OutboxDispatcher(
    IDbConnectionFactory connections,
    CaseActionRegistry actions,
    IOptions<CaseOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>Delivers what is due now; returns how many items were claimed.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        foreach (var item in claimed)
        {
            await DeliverAsync(item, cancellationToken);
        }

        return claimed.Count;
    }

    /// <summary>Claims due items without delivering them; exposed so tests can play a node that dies mid-delivery.</summary>
    internal async Task<IReadOnlyList<ClaimedItem>> ClaimAsync(CancellationToken cancellationToken)
    {
        const string claim = """
            UPDATE outbox SET locked_until = @until, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM outbox
                WHERE status = 'pending' AND next_attempt_at <= @now AND (locked_until IS NULL OR locked_until < @now)
                ORDER BY next_attempt_at LIMIT @batch {0})
            RETURNING id AS Id, case_id AS CaseId, idempotency_key AS IdempotencyKey, action AS Action, payload AS Payload,
                      attempts AS Attempts, created_at AS CreatedAt
            """;
        var sql = string.Format(CultureInfo.InvariantCulture, claim, connections.Provider == DatabaseProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "");
        var now = time.GetUtcNow();
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClaimedItem>(new CommandDefinition(
            sql, new { until = now + options.Value.OutboxLease, now, batch = options.Value.OutboxBatchSize }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    private async Task DeliverAsync(ClaimedItem item, CancellationToken cancellationToken)
    {
        string? error;
        try
        {
            error = await HandleAsync(item, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = $"{e.GetType().Name}: {e.Message}";
        }

        var now = time.GetUtcNow();
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        if (error is null)
        {
            const string done = "UPDATE outbox SET status = 'done', completed_at = @now, locked_until = NULL, last_error = NULL WHERE id = @Id";
            await connection.ExecuteAsync(new CommandDefinition(done, new { item.Id, now }, cancellationToken: cancellationToken));
            CaseTelemetry.OutboxLag.Record((now - item.CreatedAt).TotalSeconds, new KeyValuePair<string, object?>("action", item.Action));
            return;
        }

        var park = item.Attempts >= options.Value.OutboxMaxAttempts;
        const string failed = """
            UPDATE outbox SET status = @status, next_attempt_at = @next, locked_until = NULL, last_error = @error WHERE id = @Id
            """;
        await connection.ExecuteAsync(new CommandDefinition(
            failed, new { item.Id, status = park ? "parked" : "pending", next = now + Backoff(item.Attempts), error }, cancellationToken: cancellationToken));
        if (park)
        {
            CaseTelemetry.OutboxParked.Add(1, new KeyValuePair<string, object?>("action", item.Action));
            LogParked(item.Id, item.Action, item.Attempts);
        }
        else
        {
            LogFailed(item.Id, item.Action, item.Attempts);
        }
    }

    /// <summary>Null on success; the reason otherwise.</summary>
    private async Task<string?> HandleAsync(ClaimedItem item, CancellationToken cancellationToken)
    {
        if (!actions.TryFind(item.Action, out var handler, out var argument))
        {
            return $"No handler is registered for action '{item.Action}'.";
        }

        var payload = JsonNode.Parse(item.Payload)!.AsObject();
        var context = new CaseActionContext(
            item.CaseId,
            Guid.Parse(payload["brandId"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            Guid.Parse(payload["dealerId"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            item.Action,
            argument,
            item.IdempotencyKey,
            item.Attempts,
            payload);
        await handler.HandleAsync(context, cancellationToken);
        return null;
    }

    private TimeSpan Backoff(int attempts)
    {
        var first = options.Value.OutboxFirstRetryDelay;
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, options.Value.OutboxMaxRetryDelay.Ticks));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox item {Id} ({Action}) failed on attempt {Attempts}; it will be retried")]
    private partial void LogFailed(Guid id, string action, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox item {Id} ({Action}) parked after {Attempts} attempts")]
    private partial void LogParked(Guid id, string action, int attempts);

    internal sealed class ClaimedItem
    {
        public Guid Id { get; init; }

        public Guid CaseId { get; init; }

        public string IdempotencyKey { get; init; } = "";

        public string Action { get; init; } = "";

        public string Payload { get; init; } = "";

        public int Attempts { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }
}
