namespace WeLink.Workflow.Engine;

internal sealed record TimerPlan(IReadOnlyList<string> Cancel, IReadOnlyList<CaseTimer> Schedule, TimerPause? Pause);
