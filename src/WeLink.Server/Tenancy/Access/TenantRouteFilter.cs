using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Tenancy.Access;

/// <summary>
/// Runs <see cref="TenantRoute"/> before an admin API handler; refusals are audited. Put it on a route
/// group with <see cref="TenantRouteFilterExtensions.RequireTenantOfRoute"/> and every route of the group
/// that names a brand or dealer is covered, including routes added later.
/// </summary>
public sealed class TenantRouteFilter(TenantRoute route, IAuditTrail audit) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var scope = TenantScope.From(http.User, SessionKind.Admin);
        if (!await route.ReachesAsync(scope, http.Request.RouteValues, http.RequestAborted))
        {
            await audit.RecordAsync(
                http.User,
                new AuditEvent("access.tenant", "route", $"{http.Request.Method} {http.Request.Path}", AuditOutcome.Refused, scope?.BrandId, scope?.DealerId, "outside the caller's tenant"),
                http.RequestAborted);
            return TypedResults.NotFound();
        }

        return await next(context);
    }
}

public static class TenantRouteFilterExtensions
{
    public static RouteGroupBuilder RequireTenantOfRoute(this RouteGroupBuilder group) => group.AddEndpointFilter<TenantRouteFilter>();
}
