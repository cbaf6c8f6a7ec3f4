using Microsoft.Extensions.Time.Testing;

namespace WeLink.Server.Tests.Coordination;

/// <summary>
/// How time passes for the implementation under test: the in-process ones run on a fake clock that tests
/// move by hand; Redis keeps its own real clock, so there time passes by itself while the test waits or polls.
/// </summary>
public abstract class TestClock
{
    public static TestClock Fake() => new FakeClock();

    public static TestClock Real() => new RealClock();

    public abstract TimeProvider TimeProvider { get; }

    /// <summary>Moves a fake clock forward; a real clock needs no help.</summary>
    public abstract void LetPass(TimeSpan span);

    /// <summary>Whether <paramref name="condition"/> holds: checked once on a fake clock, polled until a deadline on a real one.</summary>
    public abstract Task<bool> EventuallyAsync(Func<Task<bool>> condition, CancellationToken cancellationToken);

    private sealed class FakeClock : TestClock
    {
        private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

        public override TimeProvider TimeProvider => _time;

        public override void LetPass(TimeSpan span) => _time.Advance(span);

        public override Task<bool> EventuallyAsync(Func<Task<bool>> condition, CancellationToken cancellationToken) => condition();
    }

    private sealed class RealClock : TestClock
    {
        public override TimeProvider TimeProvider => TimeProvider.System;

        public override void LetPass(TimeSpan span)
        {
        }

        public override Task<bool> EventuallyAsync(Func<Task<bool>> condition, CancellationToken cancellationToken) =>
            Poll.HoldsWithinAsync(condition, Deadline.Release, cancellationToken);
    }
}
