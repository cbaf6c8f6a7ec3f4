using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Access;
using WeLink.Server.Onboarding.Corps;
using WeLink.Server.Onboarding.Menus;

namespace WeLink.Server.Onboarding;

/// <summary>The admin portal's onboarding API: a dealer's link, its staff and their roles, and the brand menu.</summary>
public static class OnboardingApiEndpoints
{
    public static IEndpointRouteBuilder MapOnboardingApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/admin").WithTags("Onboarding");
        var dealer = admin.MapGroup("/dealers/{dealerId:guid}").RequireAuthorization(WeLinkPolicies.Admin);
        dealer.MapGet("/link", GetLinkAsync);
        dealer.MapGet("/staff", ListStaffAsync);
        dealer.MapPut("/staff/{staffId:guid}/roles", SetRolesAsync);
        admin.MapPut("/brands/{brandId:guid}/menu", SetMenuAsync).RequireAuthorization(WeLinkPolicies.HqAdmin);
        return endpoints;
    }

    public static async Task<Results<Ok<DealerLinkState>, NotFound>> GetLinkAsync(
        Guid dealerId, HttpContext context, LinkStore links, IDealerLinks dealerLinks, CancellationToken cancellationToken) =>
        await TenantGuard.ReachableDealerAsync(context.User, dealerId, links, cancellationToken) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await dealerLinks.GetAsync(dealerId, cancellationToken));

    public static async Task<Results<Ok<StaffListResponse>, NotFound>> ListStaffAsync(
        Guid dealerId, HttpContext context, LinkStore links, StaffStore staff, CancellationToken cancellationToken) =>
        await TenantGuard.ReachableDealerAsync(context.User, dealerId, links, cancellationToken) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new StaffListResponse(await staff.ListAsync(dealerId, cancellationToken)));

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> SetRolesAsync(
        Guid dealerId, Guid staffId, StaffRolesRequest request, HttpContext context, LinkStore links, StaffStore staff,
        CancellationToken cancellationToken)
    {
        if (await TenantGuard.ReachableDealerAsync(context.User, dealerId, links, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var roles = request.Roles ?? [];
        var unknown = roles.Where(r => !StaffRoles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["roles"] = [$"Unknown roles: {string.Join(", ", unknown)}. Known roles: {string.Join(", ", StaffRoles.All)}."],
            });
        }

        return await staff.SetRolesAsync(dealerId, staffId, roles, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    /// <summary>Stores the brand's menu and puts it on every active dealer account of the brand; the answer says how each went.</summary>
    public static async Task<Results<Ok<MenuPublishResponse>, NotFound, ValidationProblem>> SetMenuAsync(
        Guid brandId, HttpRequest request, BrandMenuStore menus, MenuPublisher publisher, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TenantGuard.ReachesBrand(request.HttpContext.User, brandId))
        {
            return TypedResults.NotFound();
        }

        BrandMenu? menu;
        try
        {
            menu = await request.ReadFromJsonAsync(MenuJsonContext.Default.BrandMenu, cancellationToken);
        }
        catch (JsonException)
        {
            menu = null;
        }

        if ((menu is null ? "Send the menu as menu/create JSON: {\"button\": [...]}." : menu.Problem()) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["button"] = [problem] });
        }

        await menus.SaveAsync(brandId, menu!, time.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new MenuPublishResponse(await publisher.PublishToBrandAsync(brandId, menu!, cancellationToken)));
    }
}
