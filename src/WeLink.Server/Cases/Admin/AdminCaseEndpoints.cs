using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Access;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Cases.Outbox;

namespace WeLink.Server.Cases.Admin;

public static class AdminCaseEndpoints
{
    private const int OutboxPage = 200;

    public static IEndpointRouteBuilder MapAdminCaseEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapGroup("/api/admin/cases").WithTags("Admin: cases").RequireAuthorization(WeLinkPolicies.Admin);
        cases.MapGet("/{id:guid}", GetCaseAsync);

        var outbox = endpoints.MapGroup("/api/admin/outbox").WithTags("Admin: outbox").RequireAuthorization(WeLinkPolicies.PlatformAdmin);
        outbox.MapGet("/", ListOutboxAsync);
        outbox.MapPost("/{id:guid}/retry", RetryOutboxAsync);
        return endpoints;
    }

    /// <summary>A case's history, timers, notes and outbox; a case outside the admin's brand or dealer is not found.</summary>
    private static async Task<Results<Ok<CaseDetails>, NotFound>> GetCaseAsync(Guid id, HttpContext http, CaseDetailsStore store, CancellationToken cancellationToken)
    {
        var scope = TenantScope.From(http.User, SessionKind.Admin) is { } session ? CaseScope.Of(session) : CaseScope.Nothing;
        return await store.GetAsync(id, scope, cancellationToken) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IReadOnlyList<OutboxItem>>, ProblemHttpResult>> ListOutboxAsync(
        OutboxStore store, CancellationToken cancellationToken, string status = OutboxStore.Parked)
    {
        if (status is not (OutboxStore.Pending or OutboxStore.Done or OutboxStore.Parked))
        {
            return TypedResults.Problem($"status must be {OutboxStore.Pending}, {OutboxStore.Done} or {OutboxStore.Parked}.", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await store.ListAsync(status, OutboxPage, cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound>> RetryOutboxAsync(Guid id, OutboxStore store, CancellationToken cancellationToken) =>
        await store.Work.RetryAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
