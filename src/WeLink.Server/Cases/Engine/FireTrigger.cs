using System.Text.Json.Nodes;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Cases.Engine;

/// <param name="CaseId">The case.</param>
/// <param name="Scope">The cases the actor reaches; any other case is not found (<see cref="CaseScope"/>).</param>
/// <param name="Trigger">The definition's trigger.</param>
/// <param name="Actor">Who fires it; staff carry their roles.</param>
/// <param name="Input">Fields merged into the case data when accepted.</param>
/// <param name="IdempotencyKey">Per case: a retried fire with the same key returns the first result and does nothing.</param>
/// <param name="ExpectedVersion">When given, the fire is a conflict unless the case is still at this version.</param>
public sealed record FireTrigger(Guid CaseId, CaseScope Scope, string Trigger, Actor Actor, JsonObject Input, string IdempotencyKey, long? ExpectedVersion = null);
