using System.Text.Json.Nodes;

namespace WeLink.Workflow.Definitions;

/// <summary>
/// A guard as data, never code: either a comparison (<see cref="Field"/> <see cref="Op"/> <see cref="Value"/> or
/// <see cref="Param"/>), or <see cref="All"/> / <see cref="Any"/> of nested guards, optionally negated by <see cref="Not"/>.
/// Fields read <c>data.&lt;path&gt;</c> (the case data before the transition), <c>input.&lt;path&gt;</c> (the request
/// input) or <c>case.state</c> / <c>case.assignee</c>; dots go deeper. An absent field is null: <c>ne</c> holds, the other comparisons fail.
/// </summary>
public sealed record GuardCondition
{
    public string? Field { get; init; }

    public GuardOperator? Op { get; init; }

    public JsonNode? Value { get; init; }

    /// <summary>Compare with a resolved parameter instead of a literal (e.g. the staff remedy limit).</summary>
    public string? Param { get; init; }

    public IReadOnlyList<GuardCondition>? All { get; init; }

    public IReadOnlyList<GuardCondition>? Any { get; init; }

    public GuardCondition? Not { get; init; }
}
