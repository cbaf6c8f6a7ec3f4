namespace WeLink.Sandbox.Time;

/// <summary>
/// The sandbox's notion of "now": real time plus an offset that the control API and tests can push
/// forward, so token expiry, ticket age and the 48-hour window are exercised without waiting.
/// </summary>
public sealed class SandboxClock(TimeProvider inner) : TimeProvider
{
    private readonly Lock _gate = new();
    private TimeSpan _offset;
    private TaskCompletionSource _advanced = NewSignal();

    public TimeSpan Offset
    {
        get
        {
            lock (_gate)
            {
                return _offset;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    /// <summary>Moves sandbox time forward; time never goes back, as on the real servers.</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        TaskCompletionSource advanced;
        lock (_gate)
        {
            _offset += by;
            advanced = _advanced;
            _advanced = NewSignal();
        }

        advanced.SetResult();
        return GetUtcNow();
    }

    /// <summary>Takes up the offset a previous run reached (the local run keeps it across restarts).</summary>
    public void Restore(TimeSpan offset)
    {
        lock (_gate)
        {
            _offset = offset;
        }
    }

    /// <summary>Completes at the next <see cref="Advance"/>, so schedulers can re-check what is due.</summary>
    public Task WaitForAdvanceAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _advanced.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits until sandbox time reaches <paramref name="due"/>, by real waiting or by an advance.</summary>
    public async Task WaitUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        while (GetUtcNow() < due)
        {
            var advanced = WaitForAdvanceAsync(cancellationToken);
            var remaining = due - GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            await Task.WhenAny(advanced, Task.Delay(remaining, inner, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
