namespace WeLink.Testing;

/// <summary>
/// The one way tests wait: probe until the condition holds or the named deadline passes, never a fixed sleep.
/// </summary>
public static class Poll
{
    // Starts short so that what is nearly done is seen at once, and backs off so a slow wait does not hammer the database.
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Returns the first probed value that is <paramref name="done"/>; throws after the deadline with the last value.
    /// <paramref name="betweenTries"/> runs before each new probe, e.g. to move a fake clock on.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, Deadline deadline, string what, Action? betweenTries = null)
    {
        var (held, last) = await ProbeAsync(probe, done, deadline, betweenTries, CancellationToken.None);
        return held ? last : throw new TimeoutException($"Gave up after the {deadline} deadline waiting for {what}; last value: {last}");
    }

    /// <summary>Waits until an in-memory condition holds; throws after the deadline.</summary>
    public static Task UntilAsync(Func<bool> condition, Deadline deadline, string what, Action? betweenTries = null) =>
        UntilAsync(() => Task.FromResult(condition()), holds => holds, deadline, what, betweenTries);

    /// <summary>Whether the condition comes to hold before the deadline, for callers that report the failure themselves.</summary>
    public static async Task<bool> HoldsWithinAsync(Func<Task<bool>> condition, Deadline deadline, CancellationToken cancellationToken) =>
        (await ProbeAsync(condition, holds => holds, deadline, null, cancellationToken)).Held;

    private static async Task<(bool Held, T Last)> ProbeAsync<T>(
        Func<Task<T>> probe, Func<T, bool> done, Deadline deadline, Action? betweenTries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(deadline);
        var giveUpAt = DateTime.UtcNow + deadline.Span;
        var pause = FirstPause;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return (true, value);
            }

            if (DateTime.UtcNow > giveUpAt)
            {
                return (false, value);
            }

            await Task.Delay(pause, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            betweenTries?.Invoke();
        }
    }
}
