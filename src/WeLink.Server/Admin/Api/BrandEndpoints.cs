using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Admin.Api;

/// <summary>Brands and what hangs off a brand: regions, dealers, HQ admins. Routes with {brandId} pass the tenant filter.</summary>
public static class BrandEndpoints
{
    public static RouteGroupBuilder MapBrandEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var brands = api.MapGroup("/brands").WithTags("Brands");
        brands.MapGet("", ListBrandsAsync);
        brands.MapPost("", CreateBrandAsync).RequireAuthorization(WeLinkPolicies.PlatformAdmin);
        brands.MapGet("/{brandId:guid}", GetBrandAsync);
        brands.MapGet("/{brandId:guid}/regions", ListRegionsAsync);
        brands.MapPost("/{brandId:guid}/regions", CreateRegionAsync).RequireAuthorization(WeLinkPolicies.HqAdmin);
        brands.MapGet("/{brandId:guid}/dealers", ListDealersAsync);
        brands.MapPost("/{brandId:guid}/dealers", CreateDealerAsync).RequireAuthorization(WeLinkPolicies.HqAdmin);
        brands.MapPost("/{brandId:guid}/hq-admins", CreateHqAdminAsync).RequireAuthorization(WeLinkPolicies.PlatformAdmin);
        return api;
    }

    /// <summary>Every brand for a platform admin; one's own brand for anyone else.</summary>
    public static async Task<Ok<IReadOnlyList<Brand>>> ListBrandsAsync(ClaimsPrincipal user, BrandStore brands, CancellationToken cancellationToken) =>
        TypedResults.Ok(await brands.ListAsync(user.AdminScope(), cancellationToken));

    public static async Task<Results<Created<Brand>, NotFound, ProblemHttpResult>> CreateBrandAsync(
        CreateBrandRequest request, ClaimsPrincipal user, AdminActions actions, CancellationToken cancellationToken) =>
        (await actions.CreateBrandAsync(user, request.Name, cancellationToken)).ToCreated(b => $"/api/admin/brands/{b.Id}");

    public static async Task<Results<Ok<Brand>, NotFound>> GetBrandAsync(Guid brandId, ClaimsPrincipal user, BrandStore brands, CancellationToken cancellationToken) =>
        await brands.FindAsync(user.AdminScope(), brandId, cancellationToken) is { } brand ? TypedResults.Ok(brand) : TypedResults.NotFound();

    public static async Task<Ok<IReadOnlyList<Region>>> ListRegionsAsync(Guid brandId, ClaimsPrincipal user, RegionStore regions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await regions.ListAsync(user.AdminScope(), brandId, cancellationToken));

    public static async Task<Results<Created<Region>, NotFound, ProblemHttpResult>> CreateRegionAsync(
        Guid brandId, CreateRegionRequest request, ClaimsPrincipal user, AdminActions actions, CancellationToken cancellationToken) =>
        (await actions.CreateRegionAsync(user, brandId, request.Name, cancellationToken)).ToCreated(r => $"/api/admin/brands/{brandId}/regions");

    /// <summary>The brand's dealers with their status; a dealer admin sees only their own dealer.</summary>
    public static async Task<Ok<IReadOnlyList<Dealer>>> ListDealersAsync(Guid brandId, ClaimsPrincipal user, DealerStore dealers, CancellationToken cancellationToken) =>
        TypedResults.Ok(await dealers.ListAsync(user.AdminScope(), brandId, cancellationToken));

    /// <summary>Creates a pending dealer; HQ approves it before it can go live.</summary>
    public static async Task<Results<Created<Dealer>, NotFound, ProblemHttpResult>> CreateDealerAsync(
        Guid brandId, CreateDealerRequest request, ClaimsPrincipal user, AdminActions actions, CancellationToken cancellationToken) =>
        (await actions.CreateDealerAsync(user, brandId, request.Code, request.Name, request.RegionId, cancellationToken))
            .ToCreated(d => $"/api/admin/dealers/{d.Id}");

    public static async Task<Results<Created<AdminUser>, NotFound, ProblemHttpResult>> CreateHqAdminAsync(
        Guid brandId, CreateAdminUserRequest request, ClaimsPrincipal user, AdminActions actions, CancellationToken cancellationToken) =>
        (await actions.CreateAdminAsync(user, new NewAdminUser(request.Email ?? "", request.DisplayName ?? "", AdminRoles.Hq, brandId, null), request.Password, cancellationToken))
            .ToCreated(_ => "/api/admin/admin-users");
}
