using Microsoft.Extensions.Options;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Data.Queues;
using WeLink.Server.Shared;
using WeLink.Wechat.Messages;

namespace WeLink.Server.Callbacks;

/// <summary>
/// Delivers stored callbacks to every <see cref="IInboxHandler"/> that accepts them, at least once: claims due events
/// in batches from the inbox's queue, delivers a batch's lanes at once (one sender's events in order, see
/// <see cref="InboxOptions.DispatchConcurrency"/>), marks them done (or ignored when no handler wants them any more), and on an
/// exception retries with exponential backoff until <see cref="InboxOptions.MaxAttempts"/>, then parks the event with
/// its error for an admin. <see cref="PollingService{TWorker}"/> runs it; this node's callback endpoint wakes it when
/// it stored an event.
/// </summary>
public sealed partial class InboxDispatcher(
    InboxStore store,
    InboxRoutes routes,
    IServiceScopeFactory scopes,
    IOptions<InboxOptions> options,
    TimeProvider time,
    ILogger<InboxDispatcher> logger) : IQueueWorker
{
    public PollingSettings Polling => new(options.Value.DispatchEnabled, options.Value.BatchSize, options.Value.PollInterval);

    /// <summary>One claim-and-deliver round; returns how many events it claimed.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var (lease, claimed) = await store.Work.ClaimAsync(settings.BatchSize, now + settings.LeaseDuration, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var done = new List<Guid>(claimed.Count);
        var ignored = new List<Guid>();
        await QueueLanes.DeliverAsync(
            claimed.Select(Parse),
            e => e.Lane,
            StringComparer.Ordinal,
            settings.DispatchConcurrency,
            async (parsed, laneCancellation) =>
            {
                if (parsed.Claimed.Attempts == 1)
                {
                    InboxMetrics.RecordLag(now - parsed.Claimed.ReceivedAt);
                }

                var failure = await DeliverAsync(parsed, done, ignored, laneCancellation);
                if (failure is not null)
                {
                    await RecordFailureAsync(parsed.Claimed, lease, failure, settings, laneCancellation);
                }
            },
            cancellationToken);

        await FinishAsync(done, InboxStatus.Done, lease, cancellationToken);
        await FinishAsync(ignored, InboxStatus.Ignored, lease, cancellationToken);
        return claimed.Count;
    }

    /// <summary>The payload read once, with the lane it is delivered in (see <see cref="InboxOptions.DispatchConcurrency"/>).</summary>
    private static ParsedInboxEvent Parse(ClaimedInboxEvent claimed)
    {
        try
        {
            var message = CallbackMessageParser.Parse(claimed.Payload);
            var sender = message is UserMessage user ? user.FromUserName : "";
            return new ParsedInboxEvent(claimed, message, null, string.Concat(claimed.Channel, "|", claimed.TargetId, "|", sender));
        }
        catch (CallbackPayloadException failure)
        {
            return new ParsedInboxEvent(claimed, null, failure.Message, claimed.Id.ToString());
        }
    }

    /// <summary>
    /// Runs the handlers that accept the event, in registration order, resolved in a scope of the event's own; returns
    /// the error text when one threw.
    /// </summary>
    private async Task<string?> DeliverAsync(
        ParsedInboxEvent parsed, List<Guid> done, List<Guid> ignored, CancellationToken cancellationToken)
    {
        var (claimed, message) = (parsed.Claimed, parsed.Message);
        if (message is null)
        {
            // Cannot happen for rows the endpoint wrote (it parsed them first); a row written some other way is parked.
            return parsed.ParseError;
        }

        using var activity = WeLinkTelemetry.ActivitySource.StartActivity("inbox.dispatch");
        activity?.SetTag("welink.inbox.id", claimed.Id);
        activity?.SetTag("welink.inbox.kind", message.Kind.ToString());
        if (!routes.AnyAccepts(message))
        {
            // Stored by a node with a handler for it (another version of WeLink) that this node does not have.
            lock (ignored)
            {
                ignored.Add(claimed.Id);
            }

            return null;
        }

        var inboxEvent = new InboxEvent(claimed.Id, CallbackChannels.Parse(claimed.Channel), claimed.TargetId, claimed.ReceivedAt, claimed.Attempts);

        // Handlers are resolved per event, not at start: they hold typed clients whose options must first pass the
        // start-up validation, and a transient handler must not live as long as this service.
        await using var scope = scopes.CreateAsyncScope();
        foreach (var handler in routes.HandlersFor(message, scope.ServiceProvider))
        {
            try
            {
                await handler.HandleAsync(inboxEvent, message, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (failure is InboxRetryLaterException)
                {
                    LogHandlerRetriesLater(claimed.Id, message.Kind, handler.GetType().Name, claimed.Attempts, failure.Message);
                }
                else
                {
                    LogHandlerFailed(claimed.Id, message.Kind, handler.GetType().Name, claimed.Attempts, failure);
                }

                // The type and message only: exception messages of our clients carry errcode/errmsg, never
                // tokens or payloads; a stack trace would be noise for an admin.
                return $"{handler.GetType().Name}: {failure.GetType().Name}: {failure.Message}";
            }
        }

        lock (done)
        {
            done.Add(claimed.Id);
        }

        return null;
    }

    private async Task RecordFailureAsync(
        ClaimedInboxEvent claimed, DateTimeOffset lease, string error, InboxOptions settings, CancellationToken cancellationToken)
    {
        InboxMetrics.CountFailed();
        switch (await store.Work.FailAsync(claimed.Id, lease, claimed.Attempts, error, settings.Retries, cancellationToken))
        {
            case FailOutcome.LeaseLost:
                LogLeaseLost(claimed.Id);
                break;
            case FailOutcome.Parked:
                InboxMetrics.CountParked();
                LogParked(claimed.Id, claimed.Attempts);
                break;
        }
    }

    private async Task FinishAsync(List<Guid> ids, string status, DateTimeOffset lease, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var finished = await store.Work.CompleteAsync(ids, status, lease, cancellationToken);
        for (var i = 0; i < finished; i++)
        {
            InboxMetrics.CountDispatched(status);
        }

        if (finished < ids.Count)
        {
            LogLeasesLost(ids.Count - finished, status);
        }
    }

    private sealed record ParsedInboxEvent(ClaimedInboxEvent Claimed, CallbackMessage? Message, string? ParseError, string Lane);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox event {EventId} ({Kind}): handler {Handler} failed on attempt {Attempt}")]
    private partial void LogHandlerFailed(Guid eventId, CallbackMessageKind kind, string handler, int attempt, Exception failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {EventId} ({Kind}): handler {Handler} retries later (attempt {Attempt}): {Reason}")]
    private partial void LogHandlerRetriesLater(Guid eventId, CallbackMessageKind kind, string handler, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox event {EventId} parked after {Attempts} attempts; an admin can retry it")]
    private partial void LogParked(Guid eventId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox event {EventId}: the lease passed before its failure was recorded; another node owns it now")]
    private partial void LogLeaseLost(Guid eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} inbox events finished as {Status} after their lease passed; another node owns them now")]
    private partial void LogLeasesLost(int count, string status);
}
