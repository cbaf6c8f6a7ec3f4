using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Data.Queues;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Callbacks;

/// <summary>What platform admins see of the inbox: events by status, and a retry for parked ones.</summary>
public static class InboxAdminEndpoints
{
    public const int DefaultPageSize = 50;

    public static IEndpointRouteBuilder MapInboxAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var inbox = routes.MapGroup("/api/admin/inbox").WithTags("Admin: inbox").RequireAuthorization(WeLinkPolicies.PlatformAdmin);
        inbox.MapGet("/", ListAsync);
        inbox.MapPost("/{id:guid}/retry", RetryAsync);
        return routes;
    }

    /// <summary>Events of one status (parked, pending, ignored or done), newest first, with their attempts and last error.</summary>
    public static async Task<Results<JsonHttpResult<InboxPage>, ValidationProblem>> ListAsync(
        string? status, int? page, int? pageSize, InboxStore store, CancellationToken cancellationToken)
    {
        if (!InboxStatus.IsKnown(status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["status"] = ["Give status=parked, pending, ignored or done."],
            });
        }

        var result = await store.ListAsync(status!, page ?? 1, pageSize ?? DefaultPageSize, cancellationToken);
        return TypedResults.Json(result, CallbacksJsonContext.Default.InboxPage);
    }

    /// <summary>Puts a parked or still-failing event back in the queue with fresh attempts; audited.</summary>
    public static async Task<Results<NoContent, NotFound<ProblemDetails>>> RetryAsync(
        Guid id, ClaimsPrincipal user, InboxStore store, IAuditTrail audit, WorkSignal<InboxDispatcher> signal, CancellationToken cancellationToken) =>
        await audit.RetryAsync(store.Work, signal, "inbox", id, user, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new ProblemDetails { Title = "No parked or failing event has this id.", Status = StatusCodes.Status404NotFound });
}
