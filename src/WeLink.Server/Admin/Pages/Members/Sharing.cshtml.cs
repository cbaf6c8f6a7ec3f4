using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Admin.Pages.Members;

/// <summary>HQ's choice of what a dealer's staff see of a member's dealings with other dealers, audited as <c>brand.member-sharing.set</c>.</summary>
public sealed class MemberSharingModel(BrandStore brands, IMemberSharingSettings sharing, IAuditTrail audit) : PortalPageModel
{
    [FromRoute]
    public Guid BrandId { get; set; }

    public Brand Brand { get; private set; } = null!;

    public string Sharing { get; private set; } = MemberSharing.Default;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await brands.FindAsync(Scope, BrandId, cancellationToken) is not { } brand)
        {
            return NotFound();
        }

        (Brand, Sharing) = (brand, await sharing.GetAsync(BrandId, cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? value, CancellationToken cancellationToken)
    {
        if (await brands.FindAsync(Scope, BrandId, cancellationToken) is null)
        {
            return NotFound();
        }

        if (!MemberSharing.IsKnown(value))
        {
            await audit.RecordAsync(User, new AuditEvent("brand.member-sharing.set", "brand", BrandId.ToString(), AuditOutcome.Refused, BrandId, null, "未知的共享方式"), cancellationToken);
            FlashProblem = "请选择一种共享方式。";
            return RedirectToPage();
        }

        await sharing.SetAsync(BrandId, value!, cancellationToken);
        await audit.RecordAsync(
            User, new AuditEvent("brand.member-sharing.set", "brand", BrandId.ToString(), AuditOutcome.Succeeded, BrandId, null, MemberSharing.Label(value!)), cancellationToken);
        Flash = $"门店间共享已设为“{MemberSharing.Label(value!)}”，门店员工下次打开会员页即按此显示。";
        return RedirectToPage();
    }
}
