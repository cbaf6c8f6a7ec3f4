namespace WeLink.Server.Data.Queues;

/// <summary>
/// How often a failing item is tried and how long it waits between tries: <paramref name="FirstDelay"/> after the first
/// failure, doubling with each further one up to <paramref name="MaxDelay"/>; parked after <paramref name="MaxAttempts"/>.
/// </summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public bool Parks(int attempts) => attempts >= MaxAttempts;

    /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1.</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        var doublings = Math.Clamp(failedAttempts - 1, 0, 30);
        var delay = FirstDelay.Ticks * (1L << doublings);
        return delay <= 0 || delay > MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks(delay);
    }
}
