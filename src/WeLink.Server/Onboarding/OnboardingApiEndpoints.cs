using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Onboarding.Menus;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

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
    /// Stores the brand's menu and puts it on every active dealer account of the brand; the answer says how each went.
    /// Audited as <c>brand.menu.set</c> with how many accounts took it. A mini-program button opens the brand's authorized
    /// mini program (422 naming <c>button</c> for another appid, or when the brand has none).
    /// </summary>
    public static async Task<Results<Ok<MenuPublishResponse>, ValidationProblem, ProblemHttpResult>> SetMenuAsync(
        Guid brandId, BrandMenu menu, ClaimsPrincipal user, BrandMenuStore menus, MenuPublisher publisher, IBrandMiniPrograms miniPrograms, IAuditTrail audit,
        TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(menu);
        if (menu.Problem() is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["button"] = [problem] });
        }

        // A mini-program button opens the brand's own mini program: WeChat takes only one associated with the account.
        var miniProgram = await miniPrograms.FindOfBrandAsync(brandId, cancellationToken);
        if (menu.HasMiniProgramButtons && (miniProgram is not { Active: true } || menu.MiniProgramAppIds().Any(a => a != miniProgram.AppId)))
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["button"] = ["小程序菜单只能打开本品牌已授权的小程序"] })
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Detail = "小程序菜单只能打开本品牌已授权的小程序",
            });
        }

        await menus.SaveAsync(brandId, menu, time.GetUtcNow(), cancellationToken);
        var accounts = await publisher.PublishToBrandAsync(brandId, menu, cancellationToken);
        var published = accounts.Count(a => a.Published);
        await audit.RecordAsync(
            user,
            new AuditEvent("brand.menu.set", "brand", brandId.ToString(), AuditOutcome.Succeeded, brandId, null,
                $"已发布到 {accounts.Count} 个已关联公众号中的 {published} 个"),
            cancellationToken);
        return TypedResults.Ok(new MenuPublishResponse(accounts));
    }
}
