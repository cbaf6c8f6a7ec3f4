using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Tenancy;

namespace WeLink.Server.Admin.Pages.Members;

/// <summary>One member as the admin may see them: the same view staff get in the WeCom app, read as HQ or as the admin's dealer.</summary>
public sealed class MemberDetailModel(BrandStore brands, IMemberViews members) : PortalPageModel
{
    [FromRoute]
    public Guid BrandId { get; set; }

    [FromRoute]
    public Guid MemberId { get; set; }

    public Brand Brand { get; private set; } = null!;

    public MemberView Member { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await brands.FindAsync(Scope, BrandId, cancellationToken) is not { } brand
            || await members.GetAsync(MemberPages.ReaderOf(Scope, BrandId), MemberId, cancellationToken) is not { } member)
        {
            return NotFound();
        }

        (Brand, Member) = (brand, member);
        return Page();
    }
}
