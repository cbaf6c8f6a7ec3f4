using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Admin.Api;

/// <summary>One dealer: read it, approve / suspend / reinstate it (HQ), and its dealer admins. Every route passes the tenant filter.</summary>
public static class DealerEndpoints
{
    public static RouteGroupBuilder MapDealerEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var dealer = api.MapGroup("/dealers/{dealerId:guid}").WithTags("Dealers");
        dealer.MapGet("", GetDealerAsync);
        dealer.MapPost("/approve", ApproveAsync).RequireAuthorization(WeLinkPolicies.HqAdmin);
        dealer.MapPost("/suspend", SuspendAsync).RequireAuthorization(WeLinkPolicies.HqAdmin);
        dealer.MapPost("/reinstate", ReinstateAsync).RequireAuthorization(WeLinkPolicies.HqAdmin);
        dealer.MapGet("/admins", ListAdminsAsync);
        dealer.MapPost("/admins", CreateAdminAsync).RequireAuthorization(WeLinkPolicies.HqAdmin);
        return api;
    }

    public static async Task<Results<Ok<Dealer>, NotFound>> GetDealerAsync(Guid dealerId, ClaimsPrincipal user, DealerStore dealers, CancellationToken cancellationToken) =>
        await dealers.FindAsync(user.AdminScope(), dealerId, cancellationToken) is { } dealer ? TypedResults.Ok(dealer) : TypedResults.NotFound();

    /// <summary>pending → approved; 409 when the version is stale or the dealer is not pending.</summary>
    public static Task<Results<Ok<Dealer>, NotFound, ProblemHttpResult>> ApproveAsync(
        Guid dealerId, DealerVersionRequest request, ClaimsPrincipal user, AdminActions actions, CancellationToken cancellationToken) =>
        ChangeAsync(dealerId, DealerTransition.Approve, request, user, actions, cancellationToken);

    /// <summary>approved → suspended; 409 when the version is stale or the dealer is not approved.</summary>
    public static Task<Results<Ok<Dealer>, NotFound, ProblemHttpResult>> SuspendAsync(
        Guid dealerId, DealerVersionRequest request, ClaimsPrincipal user, AdminActions actions, CancellationToken cancellationToken) =>
        ChangeAsync(dealerId, DealerTransition.Suspend, request, user, actions, cancellationToken);

    /// <summary>suspended → approved; 409 when the version is stale or the dealer is not suspended.</summary>
    public static Task<Results<Ok<Dealer>, NotFound, ProblemHttpResult>> ReinstateAsync(
        Guid dealerId, DealerVersionRequest request, ClaimsPrincipal user, AdminActions actions, CancellationToken cancellationToken) =>
        ChangeAsync(dealerId, DealerTransition.Reinstate, request, user, actions, cancellationToken);

    /// <summary>The dealer's admins (the tenant filter has already placed the dealer in the caller's scope).</summary>
    public static async Task<Ok<IReadOnlyList<AdminUser>>> ListAdminsAsync(Guid dealerId, ClaimsPrincipal user, AdminUserStore users, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<AdminUser>>([.. (await users.ListAsync(user.AdminScope(), cancellationToken)).Where(u => u.DealerId == dealerId)]);

    public static async Task<Results<Created<AdminUser>, NotFound, ProblemHttpResult>> CreateAdminAsync(
        Guid dealerId, CreateAdminUserRequest request, ClaimsPrincipal user, AdminActions actions, CancellationToken cancellationToken) =>
        (await actions.CreateAdminAsync(user, new NewAdminUser(request.Email ?? "", request.DisplayName ?? "", AdminRoles.Dealer, null, dealerId), request.Password, cancellationToken))
            .ToCreated(_ => $"/api/admin/dealers/{dealerId}/admins");

    private static async Task<Results<Ok<Dealer>, NotFound, ProblemHttpResult>> ChangeAsync(
        Guid dealerId, DealerTransition transition, DealerVersionRequest request, ClaimsPrincipal user, AdminActions actions, CancellationToken cancellationToken) =>
        (await actions.ChangeDealerAsync(user, dealerId, transition, request.Version, cancellationToken)).ToOk();
}
