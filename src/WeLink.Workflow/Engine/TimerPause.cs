namespace WeLink.Workflow.Engine;

/// <summary>
/// The case has waited on the consumer since <see cref="Since"/>. Timers that were running when the wait began are not
/// in the timer table meanwhile; they are held here with their remaining time and rescheduled at (leave time +
/// remaining) when the case leaves the waiting states, if the state it moves to is still one of theirs.
/// </summary>
/// <param name="Since">When the case entered a waiting state.</param>
/// <param name="Timers">The held timers.</param>
public sealed record TimerPause(DateTimeOffset Since, IReadOnlyList<PausedTimer> Timers);
