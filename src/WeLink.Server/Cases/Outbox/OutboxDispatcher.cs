using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using WeLink.Server.Data.Queues;
using WeLink.Workflow.Actions;

namespace WeLink.Server.Cases.Outbox;

/// <summary>
/// Delivers pending outbox items to their action handlers, at least once, through the outbox's queue. An item is claimed
/// with a lease (its attempt counted at the claim, so a crash loop ends parked too); success marks it done, failure
/// schedules the next attempt with exponential backoff, and after <see cref="CaseOptions.OutboxMaxAttempts"/> attempts it
/// is parked with the last error. A claimed batch is delivered in lanes at once, one per case (see
/// <see cref="CaseOptions.OutboxDispatchConcurrency"/>). <see cref="PollingService{TWorker}"/> runs it on every node.
/// </summary>
public sealed partial class OutboxDispatcher(
    OutboxStore store,
    CaseActionRegistry actions,
    IOptions<CaseOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : IQueueWorker
{
    public PollingSettings Polling => new(options.Value.RunOutbox, options.Value.OutboxBatchSize, options.Value.OutboxPollInterval);

    /// <summary>Delivers what is due now; returns how many items were claimed.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var claim = await ClaimAsync(cancellationToken);
        await QueueLanes.DeliverAsync(
            claim.Items,
            item => item.CaseId,
            null,
            options.Value.OutboxDispatchConcurrency,
            (item, laneCancellation) => DeliverAsync(item, claim.Lease, laneCancellation),
            cancellationToken);
        return claim.Items.Count;
    }

    /// <summary>Claims due items without delivering them; exposed so tests can play a node that dies mid-delivery.</summary>
    internal Task<QueueClaim<OutboxClaimedItem>> ClaimAsync(CancellationToken cancellationToken) =>
        store.Work.ClaimAsync(options.Value.OutboxBatchSize, time.GetUtcNow() + options.Value.OutboxLease, cancellationToken);

    /// <summary>
    /// Completes each item on its own, not the batch at the end: a delivered message must not be sent again because a
    /// later item of its batch outlived the node.
    /// </summary>
    private async Task DeliverAsync(OutboxClaimedItem item, DateTimeOffset lease, CancellationToken cancellationToken)
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

        if (error is null)
        {
            if (await store.Work.CompleteAsync([item.Id], QueueStatus.Done, lease, cancellationToken) == 0)
            {
                LogLeaseLost(item.Id, item.Action);
            }

            CaseTelemetry.OutboxLag.Record((time.GetUtcNow() - item.CreatedAt).TotalSeconds, new KeyValuePair<string, object?>("action", item.Action));
            return;
        }

        switch (await store.Work.FailAsync(item.Id, lease, item.Attempts, error, options.Value.OutboxRetries, cancellationToken))
        {
            case FailOutcome.Parked:
                CaseTelemetry.OutboxParked.Add(1, new KeyValuePair<string, object?>("action", item.Action));
                LogParked(item.Id, item.Action, item.Attempts);
                break;
            case FailOutcome.Retrying:
                LogFailed(item.Id, item.Action, item.Attempts);
                break;
            case FailOutcome.LeaseLost:
                LogLeaseLost(item.Id, item.Action);
                break;
        }
    }

    /// <summary>Null on success; the reason otherwise.</summary>
    private async Task<string?> HandleAsync(OutboxClaimedItem item, CancellationToken cancellationToken)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox item {Id} ({Action}) failed on attempt {Attempts}; it will be retried")]
    private partial void LogFailed(Guid id, string action, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox item {Id} ({Action}) parked after {Attempts} attempts")]
    private partial void LogParked(Guid id, string action, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox item {Id} ({Action}): the lease passed before its outcome was recorded; another node owns it now")]
    private partial void LogLeaseLost(Guid id, string action);
}
