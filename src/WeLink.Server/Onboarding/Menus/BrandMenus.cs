using System.Security.Claims;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Onboarding.Menus;

/// <summary>The one way HQ's menu is checked, stored and published, whichever door HQ used (the admin API or the portal page).</summary>
public sealed class BrandMenus(
    BrandMenuStore menus, MenuPublisher publisher, IBrandMiniPrograms miniPrograms, IAuditTrail audit, TimeProvider time) : IBrandMenus
{
    private const string ForeignMiniProgram = "小程序菜单只能打开本品牌已授权的小程序。";

    public Task<BrandMenu?> FindAsync(Guid brandId, CancellationToken cancellationToken) => menus.FindAsync(brandId, cancellationToken);

    public async Task<BrandMenuChange> SetAsync(ClaimsPrincipal admin, Guid brandId, BrandMenu menu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(menu);
        if (menu.Problem() is { } problem)
        {
            return new BrandMenuChange.Invalid(problem);
        }

        // A mini-program button opens the brand's own mini program: WeChat takes only one associated with the account.
        var miniProgram = await miniPrograms.FindOfBrandAsync(brandId, cancellationToken);
        if (menu.HasMiniProgramButtons && (miniProgram is not { Active: true } || menu.MiniProgramAppIds().Any(a => a != miniProgram.AppId)))
        {
            return new BrandMenuChange.NotTheBrandsMiniProgram(ForeignMiniProgram);
        }

        await menus.SaveAsync(brandId, menu, time.GetUtcNow(), cancellationToken);
        var accounts = await publisher.PublishToBrandAsync(brandId, menu, cancellationToken);
        await audit.RecordAsync(
            admin,
            new AuditEvent("brand.menu.set", "brand", brandId.ToString(), AuditOutcome.Succeeded, brandId, null,
                $"已发布到 {accounts.Count} 个已关联公众号中的 {accounts.Count(a => a.Published)} 个"),
            cancellationToken);
        return new BrandMenuChange.Published(accounts);
    }
}
