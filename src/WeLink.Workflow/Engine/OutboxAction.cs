namespace WeLink.Workflow.Engine;

/// <summary>A side effect to deliver at least once after the transition commits.</summary>
/// <param name="Action">The registered action name.</param>
/// <param name="IdempotencyKey"><c>{caseId:N}:{sequence}:{action}</c>: the same for every retry of the same transition.</param>
public sealed record OutboxAction(string Action, string IdempotencyKey);
