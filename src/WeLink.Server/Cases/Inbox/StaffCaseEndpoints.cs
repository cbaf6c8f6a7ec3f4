using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Cases.Inbox;

/// <summary>
/// The staff inbox: cases of the session's dealer only. The engine places every case in the staff member's
/// <see cref="CaseScope"/>: another dealer's case answers 404, as if it did not exist. Results map to HTTP through
/// <see cref="CaseResultHttp"/>; every POST that moves a case needs an <see cref="IdempotencyKey"/>.
/// </summary>
public static class StaffCaseEndpoints
{
    public static IEndpointRouteBuilder MapStaffCaseEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/staff/cases").WithTags("Staff: cases").RequireAuthorization(WeLinkPolicies.Staff)
            .RequireValidIdempotencyKeys();
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/{id:guid}/claim", ClaimAsync);
        group.MapPost("/{id:guid}/reassign", ReassignAsync);
        group.MapPost("/{id:guid}/notes", AddNoteAsync);
        group.MapGet("/{id:guid}/transitions", TransitionsAsync);
        group.MapPost("/{id:guid}/transitions/{trigger}", FireAsync);
        return endpoints;
    }

    /// <summary>The case page: labels, what the customer filed, the timeline and notes; another dealer's case is not found.</summary>
    private static async Task<Results<Ok<StaffCaseResponse>, NotFound>> GetAsync(Guid id, [AsParameters] StaffCaseServices staff, StaffCaseView view) =>
        await view.GetAsync(id, staff.Scope, staff.CancellationToken) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<CaseSummary>>, ProblemHttpResult>> ListAsync(
        [AsParameters] StaffCaseServices staff, string view = "mine")
    {
        if (!Enum.TryParse<InboxView>(view, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return TypedResults.Problem("view 只能是 mine（我的）、role（我的角色）或 dealer（本店）。", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await staff.Inbox.ListAsync(staff.Session, parsed, staff.CancellationToken));
    }

    private static async Task<Results<Ok<CaseStepResponse>, NotFound, ProblemHttpResult>> ClaimAsync(
        Guid id, IdempotencyKey idempotencyKey, [AsParameters] StaffCaseServices staff, long? expectedVersion = null)
    {
        var result = await staff.Engine.ClaimAsync(
            id, staff.Scope, staff.Actor, staff.Session.SubjectId, staff.KeyOf(idempotencyKey), expectedVersion, staff.CancellationToken);
        return result.ToHttp(Step);
    }

    private static async Task<Results<Ok<CaseStepResponse>, NotFound, ProblemHttpResult>> ReassignAsync(
        Guid id, ReassignRequest request, IdempotencyKey idempotencyKey, [AsParameters] StaffCaseServices staff, long? expectedVersion = null)
    {
        var result = await staff.Engine.ReassignAsync(
            id, staff.Scope, staff.Actor, request.StaffId, request.Role, staff.KeyOf(idempotencyKey), expectedVersion, staff.CancellationToken);
        return result.ToHttp(Step);
    }

    private static async Task<Results<Created<NoteResponse>, NotFound, ProblemHttpResult>> AddNoteAsync(
        Guid id, NoteRequest request, [AsParameters] StaffCaseServices staff)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return TypedResults.Problem("备注内容不能为空。", statusCode: StatusCodes.Status400BadRequest);
        }

        return await staff.Engine.AddNoteAsync(id, staff.Scope, staff.Session.SubjectId, request.Text, staff.CancellationToken) is { } note
            ? TypedResults.Created($"/api/staff/cases/{id}/notes/{note.Id}", note)
            : TypedResults.NotFound();
    }

    /// <summary>What the staff member may do with the case now, with each step's input fields and labels.</summary>
    private static async Task<Results<Ok<CaseTransitions>, NotFound>> TransitionsAsync(Guid id, [AsParameters] StaffCaseServices staff) =>
        await staff.Engine.AvailableAsync(id, staff.Scope, staff.Actor, staff.CancellationToken) is { } available
            ? TypedResults.Ok(available)
            : TypedResults.NotFound();

    /// <summary>Fires a trigger with the body as input; the Idempotency-Key makes a retry act once.</summary>
    private static async Task<Results<Ok<CaseStepResponse>, NotFound, ProblemHttpResult>> FireAsync(
        Guid id, string trigger, IdempotencyKey idempotencyKey, [AsParameters] StaffCaseServices staff, long? expectedVersion = null, [FromBody] JsonObject? input = null)
    {
        var result = await staff.Engine.FireAsync(
            new FireTrigger(id, staff.Scope, trigger, staff.Actor, input ?? [], staff.KeyOf(idempotencyKey), expectedVersion), staff.CancellationToken);
        return result.ToHttp(Step);
    }

    private static Ok<CaseStepResponse> Step(CaseMoved moved) => TypedResults.Ok(new CaseStepResponse(moved.CaseId, moved.State, moved.Version, moved.Replayed));
}
