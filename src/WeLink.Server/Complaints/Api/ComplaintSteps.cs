using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Identities;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Complaints.Api;

/// <summary>Fires a consumer's step on their own complaint and answers with the complaint as it now stands.</summary>
public sealed class ComplaintSteps(ComplaintStore store, ComplaintViews views, CaseEngine engine)
{
    public async Task<Results<Ok<ComplaintResponse>, NotFound, ValidationProblem, ProblemHttpResult>> FireAsync(
        Guid id, ConsumerSession session, string trigger, JsonObject input, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await store.FindAsync(id, session.ConsumerId, session.DealerId, cancellationToken) is not { } complaint)
        {
            return TypedResults.NotFound();
        }

        // Without a key each request is its own step; a repeated one is then refused by the state it already moved.
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? $"{trigger}:{Guid.NewGuid():N}" : $"consumer:{idempotencyKey}";
        var result = await engine.FireAsync(new FireTrigger(id, trigger, Actor.Consumer(session.ConsumerId.ToString()), input, key), cancellationToken);
        if (result is not CaseMoved)
        {
            return TypedResults.Problem(ConsumerComplaintEndpoints.Describe(result), statusCode: StatusCodes.Status409Conflict);
        }

        return await views.ViewAsync(complaint, cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
    }
}
