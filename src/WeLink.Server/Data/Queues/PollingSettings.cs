namespace WeLink.Server.Data.Queues;

/// <summary>How a <see cref="PollingService{TWorker}"/> runs its worker.</summary>
/// <param name="Enabled">Whether this node runs the worker at all (a node can be made to only receive, say).</param>
/// <param name="BatchSize">The most items one round claims.</param>
/// <param name="Interval">How long an idle worker rests before looking again, unless its signal wakes it first.</param>
public sealed record PollingSettings(bool Enabled, int BatchSize, TimeSpan Interval);
