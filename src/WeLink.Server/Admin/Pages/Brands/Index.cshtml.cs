using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Admin.Pages.Brands;

/// <summary>The brands the admin reaches; a platform admin creates brands here.</summary>
public sealed class BrandsModel(BrandStore brands, AdminActions actions) : PortalPageModel
{
    public IReadOnlyList<Brand> Brands { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Brands = await brands.ListAsync(Scope, cancellationToken);

    [HandlerPolicy(WeLinkPolicies.PlatformAdmin)]
    public async Task<IActionResult> OnPostAsync(string? name, CancellationToken cancellationToken)
    {
        var result = await actions.CreateBrandAsync(User, name, cancellationToken);
        Report(result, $"已创建品牌“{result.Value?.Name}”。");
        return RedirectToPage();
    }
}
