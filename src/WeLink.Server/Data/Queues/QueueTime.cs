namespace WeLink.Server.Data.Queues;

/// <summary>How the queue tables' timestamps are written.</summary>
public static class QueueTime
{
    /// <summary>
    /// A time cut to whole milliseconds, as every queue timestamp is written: PostgreSQL rounds to microseconds (possibly
    /// up), which would make a just-written "due now" lie a fraction in the future and a lease read back unequal. Cut,
    /// values compare and fence exactly on both providers.
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
