namespace WeLink.Workflow.Definitions;

/// <summary>
/// A named step staff complete on the way (e.g. Listen, Empathize, Apologize, Delight): a transition that names it in
/// <see cref="TransitionDefinition.Completes"/> records it, and one that lists it in
/// <see cref="TransitionDefinition.RequiresSteps"/> is refused until it is recorded.
/// </summary>
public sealed record StepDefinition
{
    public required string Key { get; init; }

    /// <summary>What people read (e.g. 倾听), in the refusal that names a missing step.</summary>
    public required string Label { get; init; }
}
