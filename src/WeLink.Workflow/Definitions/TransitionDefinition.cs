namespace WeLink.Workflow.Definitions;

/// <summary>
/// Several transitions may share a trigger and a source state; the first (in definition order) whose guard holds fires.
/// </summary>
public sealed record TransitionDefinition
{
    public required string Trigger { get; init; }

    public required IReadOnlyList<string> From { get; init; }

    /// <summary>Null keeps the case in its current state (a reminder or a note): no entry actions, timers keep running.</summary>
    public string? To { get; init; }

    /// <summary><c>consumer</c>, <c>system</c>, <c>hq</c>, <c>staff</c> (any role) or <c>staff:&lt;role&gt;</c>.</summary>
    public required IReadOnlyList<string> Actors { get; init; }

    /// <summary>Input fields that must be present and not null or empty.</summary>
    public IReadOnlyList<string> RequiredInput { get; init => field = value ?? []; } = [];

    public GuardCondition? Guard { get; init; }

    /// <summary>The named step (<see cref="WorkflowDefinition.Steps"/>) firing this transition records as done.</summary>
    public string? Completes { get; init; }

    /// <summary>Named steps that must be done first; a refusal names each one missing.</summary>
    public IReadOnlyList<string> RequiresSteps { get; init => field = value ?? []; } = [];

    public IReadOnlyList<string> Actions { get; init => field = value ?? []; } = [];
}
