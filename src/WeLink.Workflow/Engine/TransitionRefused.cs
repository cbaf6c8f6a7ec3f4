namespace WeLink.Workflow.Engine;

/// <param name="Reason">Why, for code.</param>
/// <param name="Message">Why, for a person.</param>
/// <param name="MissingFields">The absent required input fields (only for <see cref="RefusalReason.MissingInput"/>).</param>
public sealed record TransitionRefused(RefusalReason Reason, string Message, IReadOnlyList<string> MissingFields) : TransitionOutcome;
