namespace WeLink.Server.Callbacks;

internal static class InboxTime
{
    /// <summary>
    /// A time cut to whole milliseconds, as every inbox timestamp is written: PostgreSQL rounds to
    /// microseconds (possibly up), which would make a just-written "due now" lie a fraction in the future
    /// and a lease read back unequal. Cut, values compare and fence exactly on both providers.
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
