using System.Text.Json.Nodes;

namespace WeLink.Workflow.Engine;

/// <summary>What the engine needs to know about a case to move it; the persistence layer loads it in the transition's transaction.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="State">The current state key.</param>
/// <param name="Data">The case data as the case was started with it (what the consumer filed); input never changes it.</param>
/// <param name="Version">Transitions applied so far (1 after start); the next transition is number Version + 1.</param>
/// <param name="Assignee">Who owns the case, if anyone; guards read it as <c>case.assignee</c>.</param>
/// <param name="Timers">The case's running timers.</param>
/// <param name="Pause">Set while the case waits on the consumer.</param>
public sealed record CaseSnapshot(
    Guid CaseId,
    string State,
    JsonObject Data,
    long Version,
    string? Assignee,
    IReadOnlyList<CaseTimer> Timers,
    TimerPause? Pause)
{
    /// <summary>The latest value of every input field the case's steps took; kept apart from <see cref="Data"/>.</summary>
    public JsonObject Latest { get; init; } = [];

    /// <summary>The running totals of accumulating input fields (<see cref="Definitions.InputFieldDefinition.Accumulate"/>).</summary>
    public JsonObject Totals { get; init; } = [];
}
