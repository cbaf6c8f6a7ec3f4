using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Access;
using WeLink.Server.Data.Queues;

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

    /// <summary>Puts a parked event back in the queue with fresh attempts.</summary>
    public static async Task<Results<NoContent, NotFound<ProblemDetails>>> RetryAsync(
        Guid id, InboxStore store, WorkSignal<InboxDispatcher> signal, CancellationToken cancellationToken)
    {
        if (!await store.Work.RetryAsync(id, cancellationToken))
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "No parked event has this id.", Status = StatusCodes.Status404NotFound });
        }

        signal.Notify();
        return TypedResults.NoContent();
    }
}
