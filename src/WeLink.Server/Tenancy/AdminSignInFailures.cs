namespace WeLink.Server.Tenancy;

/// <summary>
/// The failed attempts a source had made on an account before the attempt now being made, and when the last of them
/// was: what decides whether this attempt may be checked at all.
/// </summary>
public sealed record AdminSignInFailures(int Count, DateTimeOffset? LastAt)
{
    /// <summary>Past 2^30 seconds every delay is the cap anyway; stopping there keeps the shift from overflowing.</summary>
    private const int LongestDoubling = 30;

    /// <summary>
    /// Until when this source must wait before its next attempt is checked: none below the limit; at the limit one second
    /// after the last failure, doubling with each further failure up to <see cref="AdminOptions.MaxSignInDelay"/>.
    /// </summary>
    public DateTimeOffset? WaitUntil(AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Count < options.MaxFailedSignIns || LastAt is not { } last)
        {
            return null;
        }

        var doublings = Math.Min(Count - options.MaxFailedSignIns, LongestDoubling);
        var delay = TimeSpan.FromSeconds(1L << doublings);
        return last + (delay < options.MaxSignInDelay ? delay : options.MaxSignInDelay);
    }
}
