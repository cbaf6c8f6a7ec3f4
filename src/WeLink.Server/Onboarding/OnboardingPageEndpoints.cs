using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Onboarding.Accounts;
using WeLink.Server.Onboarding.Corps;
using WeLink.Server.Onboarding.MiniPrograms;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Onboarding;

/// <summary>
/// The browser legs of onboarding. Starting needs an admin session; the return legs do not, because the
/// mobile authorization runs inside WeChat on a phone without the portal's cookie: what they trust is the
/// protected dealer value (official account) or the stored state nonce (WeCom) that WeLink put in the link.
/// The start legs pass the tenant filter (<see cref="TenantRoute"/>): another tenant's dealer or brand answers 404. HQ
/// authorizes the brand's mini program the same way, with the pre-auth code as the protected value.
/// </summary>
public static class OnboardingPageEndpoints
{
    public static IEndpointRouteBuilder MapOnboardingPages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup("/onboarding").WithTags("Onboarding").ExcludeFromDescription();
        var start = pages.MapGroup("/dealers/{dealerId:guid}").RequireAuthorization(WeLinkPolicies.Admin).RequireTenantOfRoute();
        start.MapGet("/official-account/authorize", AuthorizeAccountAsync);
        start.MapGet("/wecom/install", InstallCorpAsync);
        pages.MapGroup("/brands/{brandId:guid}").RequireAuthorization(WeLinkPolicies.HqAdmin).RequireTenantOfRoute()
            .MapGet("/miniprogram/authorize", AuthorizeMiniProgramAsync);
        pages.MapGet("/official-account/authorized", AccountAuthorizedAsync).AllowAnonymous();
        pages.MapGet("/miniprogram/authorized", MiniProgramAuthorizedAsync).AllowAnonymous();
        pages.MapGet("/wecom/installed", CorpInstalledAsync).AllowAnonymous();
        return endpoints;
    }

    public static async Task<Results<RedirectHttpResult, NotFound, ProblemHttpResult>> AuthorizeAccountAsync(
        Guid dealerId, string? device, HttpContext context, IDealerRegistry dealers, AccountAuthorizations authorizations, PublicAddress address,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dealers);
        if (await dealers.FindAsync(dealerId, cancellationToken) is not { } dealer)
        {
            return TypedResults.NotFound();
        }

        if (!dealer.IsLive)
        {
            return NotApproved(dealer);
        }

        var mobile = string.Equals(device, "mobile", StringComparison.OrdinalIgnoreCase);
        var page = await authorizations.StartAsync(dealer.DealerId, mobile, address.BaseOf(context.Request), cancellationToken);
        return TypedResults.Redirect(page.AbsoluteUri);
    }

    public static async Task<Results<RedirectHttpResult, NotFound, ProblemHttpResult>> InstallCorpAsync(
        Guid dealerId, HttpContext context, IDealerRegistry dealers, CorpInstallations installations, PublicAddress address,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dealers);
        if (await dealers.FindAsync(dealerId, cancellationToken) is not { } dealer)
        {
            return TypedResults.NotFound();
        }

        if (!dealer.IsLive)
        {
            return NotApproved(dealer);
        }

        var page = await installations.StartAsync(dealer.DealerId, address.BaseOf(context.Request), cancellationToken);
        return TypedResults.Redirect(page.AbsoluteUri);
    }

    /// <summary>HQ authorizes the brand's mini program (the tenant filter has placed the brand in the caller's scope).</summary>
    public static async Task<RedirectHttpResult> AuthorizeMiniProgramAsync(
        Guid brandId, string? device, HttpContext context, MiniProgramAuthorizations authorizations, PublicAddress address,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mobile = string.Equals(device, "mobile", StringComparison.OrdinalIgnoreCase);
        var page = await authorizations.StartAsync(brandId, context.User, mobile, address.BaseOf(context.Request), cancellationToken);
        return TypedResults.Redirect(page.AbsoluteUri);
    }

    public static async Task<IResult> MiniProgramAuthorizedAsync(
        string? grant, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "auth_code")] string? authCode, MiniProgramAuthorizations authorizations,
        CancellationToken cancellationToken) =>
        ResultPage.Render("微信小程序", await authorizations.CompleteRedirectAsync(grant, authCode, cancellationToken));

    public static async Task<IResult> AccountAuthorizedAsync(
        string? dealer, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "auth_code")] string? authCode, AccountAuthorizations authorizations,
        CancellationToken cancellationToken) =>
        ResultPage.Render("微信公众号", await authorizations.CompleteRedirectAsync(dealer, authCode, cancellationToken));

    public static async Task<IResult> CorpInstalledAsync(
        string? state, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "auth_code")] string? authCode, CorpInstallations installations,
        CancellationToken cancellationToken) =>
        ResultPage.Render("企业微信", await installations.CompleteRedirectAsync(state, authCode, cancellationToken));

    private static ProblemHttpResult NotApproved(RegisteredDealer dealer) =>
        TypedResults.Problem($"「{dealer.Name}」目前不是已审核的经销商：总部审核通过（或恢复）后才能关联。", statusCode: StatusCodes.Status409Conflict);
}
