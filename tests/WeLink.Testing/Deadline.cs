namespace WeLink.Testing;

/// <summary>
/// How long a test waits for something that happens on its own, named by what is awaited so that every wait of the
/// same kind gives up at the same time. Passing tests never wait for a deadline: they only bound a hung run.
/// </summary>
public sealed record Deadline(string Name, TimeSpan Span)
{
    /// <summary>Work the host does in the background after a request: callback dispatch, outbox, timers, messages.</summary>
    public static readonly Deadline BackgroundWork = new("background work", TimeSpan.FromSeconds(30));

    /// <summary>A push or message crossing the in-process sandbox to a receiver.</summary>
    public static readonly Deadline Delivery = new("delivery", TimeSpan.FromSeconds(20));

    /// <summary>Quartz firing jobs at its own pace, including a cluster node's check-in after a restart.</summary>
    public static readonly Deadline Scheduler = new("scheduler", TimeSpan.FromSeconds(60));

    /// <summary>A waiter that a correct component releases at once: a bug that leaves it waiting fails instead of hanging.</summary>
    public static readonly Deadline Release = new("release", TimeSpan.FromSeconds(30));

    /// <summary>A token cancelled when the deadline passes, for awaits that take one.</summary>
    public CancellationTokenSource Start() => new(Span);

    public override string ToString() => $"{Name} ({Span.TotalSeconds:0} s)";
}
