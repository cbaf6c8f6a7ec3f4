using WeLink.Server.Data.Queues;

namespace WeLink.Server.Cases;

/// <summary>Settings of the case engine's background work (section <c>Cases</c>).</summary>
public sealed class CaseOptions
{
    public const string SectionName = "Cases";

    /// <summary>Whether this node fires due timers; any number of nodes may, each timer fires once.</summary>
    public bool RunTimers { get; set; } = true;

    /// <summary>How long the timer runner rests when nothing was due.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A claimed timer belongs to its node this long; if the node dies, another fires it afterwards.</summary>
    public TimeSpan TimerLease { get; set; } = TimeSpan.FromMinutes(1);

    public int TimerBatchSize { get; set; } = 50;

    /// <summary>Whether this node delivers outbox items.</summary>
    public bool RunOutbox { get; set; } = true;

    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A claimed item belongs to its node this long; a crash before completion means redelivery after it.</summary>
    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromMinutes(1);

    public int OutboxBatchSize { get; set; } = 50;

    /// <summary>
    /// Lanes of one claimed batch delivered at once. A lane holds the batch's items of one case in the order the case
    /// wrote them, so a consumer hears of the filing before its first change and a case's steps are taken in turn, while
    /// other cases' messages do not wait on its API calls.
    /// </summary>
    public int OutboxDispatchConcurrency { get; set; } = 8;

    /// <summary>After this many failed deliveries an item is parked for an admin to look at and retry.</summary>
    public int OutboxMaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles with each further failure up to <see cref="OutboxMaxRetryDelay"/>.</summary>
    public TimeSpan OutboxFirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan OutboxMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a delivered item is kept (counted from its delivery) before the recurring purge deletes it; parked ones stay.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How many published definition versions are kept parsed in memory; the least recently read go first.</summary>
    public int DefinitionCacheSize { get; set; } = 256;

    public RetryPolicy OutboxRetries => new(OutboxMaxAttempts, OutboxFirstRetryDelay, OutboxMaxRetryDelay);
}
