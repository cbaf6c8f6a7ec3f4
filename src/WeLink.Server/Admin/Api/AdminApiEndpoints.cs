using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Admin.Api;

public static class AdminApiEndpoints
{
    /// <summary>
    /// <c>/api/admin</c>: every route needs an admin session (but login) and passes the tenant filter, which
    /// answers 404 when a route's {brandId} or {dealerId} is outside the caller's tenant (see <see cref="TenantRoute"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin")
            .RequireAuthorization(WeLinkPolicies.Admin)
            .RequireTenantOfRoute();
        api.MapAdminSessionEndpoints()
            .MapBrandEndpoints()
            .MapDealerEndpoints()
            .MapAdminUserEndpoints();
        return app;
    }
}
