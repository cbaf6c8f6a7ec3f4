using WeLink.Server.Data.Queues;

namespace WeLink.Server.Callbacks;

/// <summary>The <c>Inbox</c> section: how callbacks are checked and how stored events are dispatched.</summary>
public sealed class InboxOptions
{
    public const string SectionName = "Inbox";

    /// <summary>
    /// How far a callback's timestamp may be from this server's clock, either way. Older or newer pushes are
    /// refused, and a nonce is remembered for twice this long, so a replay cannot outlive its timestamp.
    /// </summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Inserts into the inbox that may run at once on this node; callbacks arriving meanwhile wait for the next.</summary>
    public int Writers { get; set; } = 2;

    /// <summary>The most callbacks one inbox insert carries.</summary>
    public int WriteGroupSize { get; set; } = 200;

    /// <summary>Run the dispatcher on this node (a node can be made to only receive).</summary>
    public bool DispatchEnabled { get; set; } = true;

    /// <summary>
    /// Lanes of one claimed batch delivered at once. A lane holds the batch's events of one sender to one account or corp
    /// (or of one URL and target when the event names no sender) in the order they arrived, so a person's follow and
    /// unfollow, or two messages, are handled in order while other people's events do not wait on their API calls.
    /// </summary>
    public int DispatchConcurrency { get; set; } = 8;

    /// <summary>Events claimed per round trip.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often an idle dispatcher looks for due events (a local callback wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim lasts; a node that dies holding events gives them back after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed deliveries of one event before it is parked for an admin.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the second delivery; each further failure doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two deliveries.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a handled or ignored event is kept (counted from its arrival) before the recurring purge deletes it.
    /// Parked and pending events are never purged.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    public RetryPolicy Retries => new(MaxAttempts, RetryBaseDelay, RetryMaxDelay);
}
