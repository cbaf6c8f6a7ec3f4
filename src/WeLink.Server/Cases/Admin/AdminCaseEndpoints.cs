using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Cases.Outbox;
using WeLink.Server.Data.Queues;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

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

    /// <summary>Items of one status, or <c>failing</c>: parked ones and pending ones whose last attempt failed.</summary>
    private static async Task<Results<Ok<IReadOnlyList<OutboxItem>>, ProblemHttpResult>> ListOutboxAsync(
        OutboxStore store, CancellationToken cancellationToken, string status = OutboxStore.Parked)
    {
        if (status == OutboxStore.Failing)
        {
            return TypedResults.Ok(await store.FailingAsync(OutboxPage, cancellationToken));
        }

        if (status is not (OutboxStore.Pending or OutboxStore.Done or OutboxStore.Parked))
        {
            return TypedResults.Problem(
                $"status must be {OutboxStore.Pending}, {OutboxStore.Done}, {OutboxStore.Parked} or {OutboxStore.Failing}.", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await store.ListAsync(status, OutboxPage, cancellationToken));
    }

    /// <summary>Puts a parked or still-failing delivery back in line, due now, with fresh attempts; audited.</summary>
    private static async Task<Results<NoContent, NotFound>> RetryOutboxAsync(
        Guid id, ClaimsPrincipal user, OutboxStore store, IAuditTrail audit, WorkSignal<OutboxDispatcher> signal, CancellationToken cancellationToken) =>
        await audit.RetryAsync(store.Work, signal, "outbox", id, user, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
