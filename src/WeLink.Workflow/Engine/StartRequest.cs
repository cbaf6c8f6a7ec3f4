using System.Text.Json.Nodes;

namespace WeLink.Workflow.Engine;

/// <param name="CaseId">The new case's id, chosen by the caller so a retried start is recognisable.</param>
/// <param name="Actor">Who starts it (usually the consumer).</param>
/// <param name="Data">The initial case data (the module has validated it).</param>
/// <param name="IdempotencyKey">The caller's key for the start.</param>
/// <param name="Now">The moment the case starts.</param>
public sealed record StartRequest(Guid CaseId, Actor Actor, JsonObject Data, string IdempotencyKey, DateTimeOffset Now);
