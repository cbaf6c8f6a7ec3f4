namespace WeLink.Server.Callbacks;

internal static class InboxLease
{
    /// <summary>
    /// A lease end in whole milliseconds: PostgreSQL keeps microseconds and SQLite the text of the value, so
    /// it reads back equal and can fence the updates of the one who holds it.
    /// </summary>
    public static DateTimeOffset Until(DateTimeOffset end) =>
        new(end.UtcTicks - (end.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
