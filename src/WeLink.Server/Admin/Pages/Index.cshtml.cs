using Microsoft.AspNetCore.Mvc;

namespace WeLink.Server.Admin.Pages;

/// <summary>The portal's home: each admin lands where their work is.</summary>
public sealed class IndexModel : PortalPageModel
{
    public IActionResult OnGet() => Scope switch
    {
        { IsPlatform: true } => Redirect("/admin/brands"),
        { DealerId: { } dealerId } => Redirect($"/admin/dealers/{dealerId}"),
        { BrandId: { } brandId } => Redirect($"/admin/brands/{brandId}/dealers"),
        _ => Forbid(),
    };
}
