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

    /// <summary>The text key (in <see cref="WorkflowDefinition.Texts"/>) of the step's name as the people who take it read it.</summary>
    public string? Label { get; init; }

    /// <summary>
    /// The input the transition takes, each field with its type and limits; any other field is refused. Transitions
    /// sharing a trigger declare the same input.
    /// </summary>
    public IReadOnlyList<InputFieldDefinition> Input { get; init => field = value ?? []; } = [];

    public GuardCondition? Guard { get; init; }

    /// <summary>The named step (<see cref="WorkflowDefinition.Steps"/>) firing this transition records as done.</summary>
    public string? Completes { get; init; }

    /// <summary>Named steps that must be done first; a refusal names each one missing.</summary>
    public IReadOnlyList<string> RequiresSteps { get; init => field = value ?? []; } = [];

    public IReadOnlyList<string> Actions { get; init => field = value ?? []; } = [];
}
