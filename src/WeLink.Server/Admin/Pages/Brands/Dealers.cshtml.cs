using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Admin.Pages.Brands;

/// <summary>A brand's page: its mini program and its dealers with their status; HQ authorizes the mini program and creates dealers and regions here.</summary>
public sealed class BrandDealersModel(
    BrandStore brands, DealerStore dealers, RegionStore regions, IBrandMiniPrograms miniPrograms, IOpenPlatformBindings openPlatform, AdminActions actions)
    : PortalPageModel
{
    [FromRoute]
    public Guid BrandId { get; set; }

    public Brand Brand { get; private set; } = null!;

    public IReadOnlyList<Dealer> Dealers { get; private set; } = [];

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    /// <summary>Null until HQ authorized one.</summary>
    public BrandMiniProgram? MiniProgram { get; private set; }

    /// <summary>The mini program's open-platform binding; null before WeLink looked.</summary>
    public OpenPlatformBinding? MiniProgramOpenPlatform { get; private set; }

    public string RegionName(Guid? regionId) => Regions.FirstOrDefault(r => r.Id == regionId)?.Name ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await brands.FindAsync(Scope, BrandId, cancellationToken) is not { } brand)
        {
            return NotFound();
        }

        Brand = brand;
        Dealers = await dealers.ListAsync(Scope, BrandId, cancellationToken);
        Regions = await regions.ListAsync(Scope, BrandId, cancellationToken);
        MiniProgram = await miniPrograms.FindOfBrandAsync(BrandId, cancellationToken);
        MiniProgramOpenPlatform = MiniProgram is null ? null : await openPlatform.FindAsync(MiniProgram.AppId, cancellationToken);
        return Page();
    }

    /// <summary>HQ's 重新绑定: WeLink binds the brand's mini program to the brand's open-platform account again (audited by Onboarding).</summary>
    [HandlerPolicy(WeLinkPolicies.HqAdmin)]
    public async Task<IActionResult> OnPostRebindOpenPlatformAsync(CancellationToken cancellationToken)
    {
        if (await brands.FindAsync(Scope, BrandId, cancellationToken) is null)
        {
            return NotFound();
        }

        if (await miniPrograms.FindOfBrandAsync(BrandId, cancellationToken) is not { Active: true } miniProgram)
        {
            FlashProblem = "本品牌还没有已授权的小程序，请先授权小程序。";
            return RedirectToPage();
        }

        ReportBinding(await openPlatform.RetryAsync(User, new OpenPlatformAccount(miniProgram.AppId, BrandId, null), cancellationToken));
        return RedirectToPage();
    }

    [HandlerPolicy(WeLinkPolicies.HqAdmin)]
    public async Task<IActionResult> OnPostCreateDealerAsync(string? code, string? name, Guid? regionId, CancellationToken cancellationToken)
    {
        var result = await actions.CreateDealerAsync(User, BrandId, code, name, regionId, cancellationToken);
        Report(result, $"已创建经销商“{result.Value?.Name}”，批准后上线。");
        return result.Value is { } dealer ? Redirect($"/admin/dealers/{dealer.Id}") : RedirectToPage();
    }

    [HandlerPolicy(WeLinkPolicies.HqAdmin)]
    public async Task<IActionResult> OnPostCreateRegionAsync(string? name, CancellationToken cancellationToken)
    {
        Report(await actions.CreateRegionAsync(User, BrandId, name, cancellationToken), $"已创建区域“{name}”。");
        return RedirectToPage();
    }
}
