using System.Text.Json.Nodes;

namespace WeLink.Workflow.Engine;

/// <summary>Everything the persistence layer must write, in one transaction, to apply the transition.</summary>
/// <param name="Trigger">The trigger that fired (<c>start</c> for a new case).</param>
/// <param name="From">The state before; null when the case starts.</param>
/// <param name="To">The state after (equal to <paramref name="From"/> for a transition that stays).</param>
/// <param name="Sequence">The case version after this transition; store it with optimistic concurrency on the old version.</param>
/// <param name="Data">The case data as filed, plus the named steps done; input is kept apart (<see cref="Latest"/>).</param>
/// <param name="TimersToCancel">Keys of running timers to delete.</param>
/// <param name="TimersToSchedule">Timers to insert (or replace by key).</param>
/// <param name="Pause">The case's pause after the transition; null when it no longer waits on the consumer.</param>
/// <param name="Actions">Outbox items, transition actions first, then the entered state's entry actions.</param>
public sealed record TransitionAccepted(
    string Trigger,
    string? From,
    string To,
    long Sequence,
    JsonObject Data,
    IReadOnlyList<string> TimersToCancel,
    IReadOnlyList<CaseTimer> TimersToSchedule,
    TimerPause? Pause,
    IReadOnlyList<OutboxAction> Actions) : TransitionOutcome
{
    /// <summary>The latest value of every input field after this step; kept apart from <see cref="Data"/>, which input never changes.</summary>
    public JsonObject Latest { get; init; } = [];

    /// <summary>The running totals of accumulating input fields after this step.</summary>
    public JsonObject Totals { get; init; } = [];
}
