using System.Text.Json.Nodes;

namespace WeLink.Workflow.Actions;

/// <summary>One delivery of an outbox item to its handler.</summary>
/// <param name="CaseId">The case whose transition asked for the action.</param>
/// <param name="BrandId">The case's brand.</param>
/// <param name="DealerId">The case's dealer.</param>
/// <param name="Action">The full action name, e.g. <c>send_receipt</c> or <c>assign:service_manager</c>.</param>
/// <param name="Argument">For a family handler, the part after the colon; null otherwise.</param>
/// <param name="IdempotencyKey">The same for every delivery of this item (<c>{caseId:N}:{sequence}:{action}</c>).</param>
/// <param name="Attempt">1 for the first delivery.</param>
/// <param name="Payload">The case as the transition left it: <c>definitionKey</c>, <c>definitionVersion</c>, <c>trigger</c>,
/// <c>from</c>, <c>to</c>, <c>sequence</c>, <c>subjectId</c>, <c>assigneeStaffId</c>, <c>assigneeRole</c>, <c>data</c>, <c>input</c>, <c>latest</c>, <c>parameters</c> (the case's pinned parameters).</param>
public sealed record CaseActionContext(
    Guid CaseId,
    Guid BrandId,
    Guid DealerId,
    string Action,
    string? Argument,
    string IdempotencyKey,
    int Attempt,
    JsonObject Payload);
