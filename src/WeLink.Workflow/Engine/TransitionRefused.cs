namespace WeLink.Workflow.Engine;

/// <param name="Reason">Why, for code.</param>
/// <param name="Message">Why, for a person.</param>
/// <param name="Details">One <c>field: what is wrong</c> per bad input field (<see cref="RefusalReason.InvalidInput"/>), or the keys
/// of the named steps not done yet (<see cref="RefusalReason.StepsMissing"/>); empty otherwise.</param>
public sealed record TransitionRefused(RefusalReason Reason, string Message, IReadOnlyList<string> Details) : TransitionOutcome;
