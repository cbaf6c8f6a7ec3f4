using System.Text.Json.Nodes;

namespace WeLink.Workflow.Engine;

/// <param name="Trigger">What happened (a button, a consumer action, a timer).</param>
/// <param name="Actor">Who asks.</param>
/// <param name="Input">Fields the actor supplies; merged into the case data when accepted.</param>
/// <param name="IdempotencyKey">The caller's key; the persistence layer uses it to answer a retry with the first outcome.</param>
/// <param name="Now">The moment of the transition; all due times are computed from it.</param>
public sealed record FireRequest(string Trigger, Actor Actor, JsonObject Input, string IdempotencyKey, DateTimeOffset Now);
