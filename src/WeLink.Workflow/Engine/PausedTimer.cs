namespace WeLink.Workflow.Engine;

/// <summary>A timer held while the case waits on the consumer, with the time it had left when the wait began.</summary>
/// <param name="Key">The timer's key in the definition.</param>
/// <param name="Trigger">The trigger it fires once resumed and due.</param>
/// <param name="Remaining">Time left: business time when <paramref name="BusinessTime"/>, wall-clock time otherwise.</param>
/// <param name="BusinessTime">Whether <paramref name="Remaining"/> is measured in the dealer's business hours.</param>
public sealed record PausedTimer(string Key, string Trigger, TimeSpan Remaining, bool BusinessTime);
