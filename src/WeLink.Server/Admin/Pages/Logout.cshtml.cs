using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Admin.Api;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Admin.Pages;

/// <summary>Sign-out is a POST (with its antiforgery token), so a link on another site cannot sign anyone out.</summary>
public sealed class LogoutModel(AuditLog audit) : PortalPageModel
{
    public IActionResult OnGet() => Redirect("/admin");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await HttpContext.SignOutAsync(WeLinkSchemes.Admin);
        await audit.RecordAsync(AuditActor.From(User), AdminSessionEndpoints.SignOutEvent(User), cancellationToken);
        return Redirect("/admin/login");
    }
}
