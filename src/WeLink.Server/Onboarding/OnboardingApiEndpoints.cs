using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Onboarding;

/// <summary>
/// The admin portal's onboarding API: a dealer's link, its staff and their roles, and the brand menu. The tenant filter
/// (<see cref="TenantRoute"/>) has placed the route's dealer or brand in the caller's scope before a handler runs;
/// every change is audited like the other admin actions.
/// </summary>
public static class OnboardingApiEndpoints
{
    public static IEndpointRouteBuilder MapOnboardingApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/admin").WithTags("Onboarding").RequireTenantOfRoute();
        var dealer = admin.MapGroup("/dealers/{dealerId:guid}").RequireAuthorization(WeLinkPolicies.Admin);
        dealer.MapGet("/link", GetLinkAsync);
        dealer.MapGet("/staff", ListStaffAsync);
        dealer.MapPut("/staff/{staffId:guid}/roles", SetRolesAsync);
        admin.MapPut("/brands/{brandId:guid}/menu", SetMenuAsync).RequireAuthorization(WeLinkPolicies.HqAdmin);
        return endpoints;
    }

    public static async Task<Ok<DealerLinkState>> GetLinkAsync(Guid dealerId, IDealerLinks dealerLinks, CancellationToken cancellationToken) =>
        TypedResults.Ok(await dealerLinks.GetAsync(dealerId, cancellationToken));

    public static async Task<Ok<StaffListResponse>> ListStaffAsync(Guid dealerId, IDealerStaffRoles staff, CancellationToken cancellationToken) =>
        TypedResults.Ok(new StaffListResponse(await staff.ListAsync(dealerId, cancellationToken)));

    /// <summary>Replaces a staff member's roles (<see cref="IDealerStaffRoles.GrantAsync"/>: audited, waiting work handed over).</summary>
    public static async Task<Results<NoContent, NotFound, ValidationProblem>> SetRolesAsync(
        Guid dealerId, Guid staffId, StaffRolesRequest request, ClaimsPrincipal user, IDealerStaffRoles staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await staff.GrantAsync(user, dealerId, staffId, request.Roles ?? [], cancellationToken) switch
        {
            StaffRolesGrant.UnknownRoles unknown => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["roles"] = [$"未知角色：{string.Join("、", unknown.Roles)}。可用角色：{string.Join("、", StaffRoles.All)}。"],
            }),
            StaffRolesGrant.Granted => TypedResults.NoContent(),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary>
    /// Stores the brand's menu and puts it on every active dealer account of the brand (<see cref="IBrandMenus.SetAsync"/>,
    /// audited); the answer says how each account went. 400 naming <c>button</c> for a menu WeChat would refuse, 422 for a
    /// mini-program button when the brand has no authorized mini program or the button names another appid.
    /// </summary>
    public static async Task<Results<Ok<MenuPublishResponse>, ValidationProblem, ProblemHttpResult>> SetMenuAsync(
        Guid brandId, BrandMenu menu, ClaimsPrincipal user, IBrandMenus menus, CancellationToken cancellationToken) =>
        await menus.SetAsync(user, brandId, menu, cancellationToken) switch
        {
            BrandMenuChange.Published published => TypedResults.Ok(new MenuPublishResponse(published.Accounts)),
            BrandMenuChange.NotTheBrandsMiniProgram refused => TypedResults.Problem(
                new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["button"] = [refused.Problem] })
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Detail = refused.Problem,
                }),
            BrandMenuChange.Invalid invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["button"] = [invalid.Problem] }),
            _ => throw new InvalidOperationException("An unknown menu change."),
        };
}
