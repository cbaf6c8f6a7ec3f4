using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Access;
using WeLink.Server.Cases.Engine;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Cases.Inbox;

/// <summary>
/// The staff inbox: cases of the session's dealer only. A case of another dealer answers 404, as if it did not exist
/// (<see cref="OwnedRoute"/> with <see cref="StaffInboxStore"/>, before any handler runs).
/// Steps answer 409 when the case moved first and 422 when the definition refuses them.
/// </summary>
public static class StaffCaseEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapStaffCaseEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/staff/cases").WithTags("Staff: cases").RequireAuthorization(WeLinkPolicies.Staff)
            .RequireOwnerOfRoute<StaffInboxStore>(SessionKind.Staff);
        group.MapGet("/", ListAsync);
        group.MapPost("/{id:guid}/claim", ClaimAsync);
        group.MapPost("/{id:guid}/reassign", ReassignAsync);
        group.MapPost("/{id:guid}/notes", AddNoteAsync);
        group.MapPost("/{id:guid}/transitions/{trigger}", FireAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext http, StaffInboxStore inbox, CancellationToken cancellationToken, string view = "mine")
    {
        if (!Enum.TryParse<InboxView>(view, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return TypedResults.Problem("view must be mine, role or dealer.", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await inbox.ListAsync(Scope(http), parsed, cancellationToken));
    }

    private static async Task<Results<Ok<CaseStepResponse>, NotFound, ProblemHttpResult>> ClaimAsync(
        Guid id, HttpContext http, CaseEngine engine, CancellationToken cancellationToken,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey = null, long? expectedVersion = null)
    {
        var scope = Scope(http);
        return ToHttp(await engine.ClaimAsync(id, ActorOf(scope), scope.SubjectId, KeyOrNew(idempotencyKey), expectedVersion, cancellationToken));
    }

    private static async Task<Results<Ok<CaseStepResponse>, NotFound, ProblemHttpResult>> ReassignAsync(
        Guid id, ReassignRequest request, HttpContext http, CaseEngine engine, CancellationToken cancellationToken,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey = null, long? expectedVersion = null)
    {
        var scope = Scope(http);
        return ToHttp(await engine.ReassignAsync(id, ActorOf(scope), request.StaffId, request.Role, KeyOrNew(idempotencyKey), expectedVersion, cancellationToken));
    }

    private static async Task<Results<Created<NoteResponse>, NotFound, ProblemHttpResult>> AddNoteAsync(
        Guid id, NoteRequest request, HttpContext http, StaffInboxStore inbox, CancellationToken cancellationToken)
    {
        var scope = Scope(http);
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return TypedResults.Problem("A note needs text.", statusCode: StatusCodes.Status400BadRequest);
        }

        var note = await inbox.AddNoteAsync(id, scope.SubjectId, request.Text, cancellationToken);
        return TypedResults.Created($"/api/staff/cases/{id}/notes/{note.Id}", note);
    }

    /// <summary>Fires a trigger with the body as input; the Idempotency-Key header is required so a retry never acts twice.</summary>
    private static async Task<Results<Ok<CaseStepResponse>, NotFound, ProblemHttpResult>> FireAsync(
        Guid id, string trigger, HttpContext http, CaseEngine engine, CancellationToken cancellationToken,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey = null, long? expectedVersion = null, [FromBody] JsonObject? input = null)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey))
        {
            return TypedResults.Problem($"The {IdempotencyKeyHeader} header is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        var scope = Scope(http);
        return ToHttp(await engine.FireAsync(new FireTrigger(id, trigger, ActorOf(scope), input ?? [], idempotencyKey, expectedVersion), cancellationToken));
    }

    private static Results<Ok<CaseStepResponse>, NotFound, ProblemHttpResult> ToHttp(CaseResult result) => result switch
    {
        CaseMoved moved => TypedResults.Ok(new CaseStepResponse(moved.CaseId, moved.State, moved.Version, moved.Replayed)),
        CaseConflict conflict => TypedResults.Problem(
            conflict.Message, statusCode: StatusCodes.Status409Conflict, title: "The case changed",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = conflict.CurrentVersion }),
        CaseRefused refused => TypedResults.Problem(
            refused.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The step is not allowed",
            extensions: new Dictionary<string, object?> { ["reason"] = refused.Reason.ToString(), ["details"] = refused.Details }),
        _ => TypedResults.NotFound(),
    };

    /// <summary>The staff policy guarantees a subject claim, so a session without a scope cannot reach here.</summary>
    private static TenantScope Scope(HttpContext http) =>
        TenantScope.From(http.User, SessionKind.Staff) ?? throw new InvalidOperationException("A staff session carries no WeLink subject.");

    private static Actor ActorOf(TenantScope scope) => Actor.Staff(scope.SubjectId.ToString(), [.. scope.Roles]);

    private static string KeyOrNew(string? idempotencyKey) => string.IsNullOrWhiteSpace(idempotencyKey) ? Guid.NewGuid().ToString("N") : idempotencyKey;
}
