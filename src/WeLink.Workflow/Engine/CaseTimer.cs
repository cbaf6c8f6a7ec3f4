namespace WeLink.Workflow.Engine;

/// <summary>A running timer of a case: when <see cref="DueAt"/> passes, the system actor fires <see cref="Trigger"/>.</summary>
/// <param name="Key">The timer's key in the definition; unique per case.</param>
/// <param name="Trigger">The trigger to fire.</param>
/// <param name="DueAt">When it fires.</param>
public sealed record CaseTimer(string Key, string Trigger, DateTimeOffset DueAt);
