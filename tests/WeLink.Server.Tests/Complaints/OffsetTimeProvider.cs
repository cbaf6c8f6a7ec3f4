namespace WeLink.Server.Tests.Complaints;

/// <summary>
/// The system clock plus an offset the test moves forward: SLA due times come due without waiting, while timers,
/// delays and timestamps stay real (a fake clock for the whole host would stall the HTTP resilience delays).
/// </summary>
public sealed class OffsetTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Moves the clock on to <paramref name="instant"/>, which must not be in its past.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        var by = instant - GetUtcNow();
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero, nameof(instant));
        Advance(by);
    }
}
