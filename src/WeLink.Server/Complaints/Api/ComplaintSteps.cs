using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Shared;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Complaints.Api;

/// <summary>Fires a consumer's step on their own complaint and answers with the complaint as it now stands.</summary>
public static class ComplaintSteps
{
    public static async Task<Results<Ok<ComplaintResponse>, NotFound, ProblemHttpResult>> FireAsync(
        Guid id, string trigger, JsonObject input, IdempotencyKey idempotencyKey, ConsumerComplaintServices consumer)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var actor = Actor.Consumer(consumer.Session.ConsumerId.ToString());
        var result = await consumer.Engine.FireAsync(
            new FireTrigger(id, consumer.Scope, trigger, actor, input, consumer.KeyOf(idempotencyKey)), consumer.CancellationToken);
        return await result.ToHttpAsync(async moved =>
            await consumer.Views.ViewAsync(moved.CaseId, consumer.Scope, consumer.CancellationToken) is { } view ? TypedResults.Ok(view) : null);
    }
}
