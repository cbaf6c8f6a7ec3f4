using Microsoft.Extensions.Options;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;
using WeLink.Server.Data.Queues;

namespace WeLink.Server.Cases.Timers;

/// <summary>
/// Claims due timers from the <c>case_timers</c> queue and fires each through <see cref="CaseEngine"/> as the system
/// actor. The fire deletes the row in its own transaction and uses the timer id as its idempotency key, so a node that
/// dies after firing but before noticing cannot make the timer fire twice; a timer whose fire fails comes back when its
/// lease passes. <see cref="PollingService{TWorker}"/> runs it on every node (rather than Quartz: the rows and their
/// leases already give once-across-nodes firing, and Quartz would add a second schedule to keep in step with the table).
/// </summary>
public sealed partial class CaseTimerRunner : IQueueWorker
{
    private static readonly QueueTable Table = new(
        "case_timers",
        "id AS Id, case_id AS CaseId, key AS Key, trigger AS Trigger, breach AS Breach, due_at AS DueAt",
        DueColumn: "due_at",
        LeaseColumn: "claimed_until");

    private readonly LeasedWork<TimerRow> _queue;
    private readonly CaseEngine _engine;
    private readonly IOptions<CaseOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CaseTimerRunner> _logger;

    public CaseTimerRunner(
        IDbConnectionFactory connections, CaseEngine engine, IOptions<CaseOptions> options, TimeProvider time, ILogger<CaseTimerRunner> logger)
    {
        _queue = new LeasedWork<TimerRow>(Table, connections, time, timer => timer.DueAt);
        _engine = engine;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public PollingSettings Polling => new(_options.Value.RunTimers, _options.Value.TimerBatchSize, _options.Value.TimerPollInterval);

    /// <summary>Fires every timer due now that no other node holds; returns how many were claimed.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var (lease, claimed) = await _queue.ClaimAsync(_options.Value.TimerBatchSize, _time.GetUtcNow() + _options.Value.TimerLease, cancellationToken);
        foreach (var timer in claimed)
        {
            var result = await _engine.FireTimerAsync(timer, cancellationToken);
            if (result is CaseConflict)
            {
                // The case moved meanwhile; let the timer be claimed again on the next round.
                await _queue.ReleaseAsync(timer.Id, lease, cancellationToken);
            }

            LogFired(timer.CaseId, timer.Key, result.GetType().Name);
        }

        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer {Key} of case {CaseId} fired: {Outcome}")]
    private partial void LogFired(Guid caseId, string key, string outcome);
}
