using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Tenancy;

namespace WeLink.Server.Admin.Pages.Members;

/// <summary>
/// Finding a brand's members by member number or name, 20 a page, newest first: HQ (and the platform) all of the brand's,
/// a dealer admin only their dealer's (its home dealer, or an identity there).
/// </summary>
public sealed class MemberListModel(BrandStore brands, IMemberViews members, IMemberSharingSettings sharing) : PortalPageModel
{
    public const int PageSize = 20;

    [FromRoute]
    public Guid BrandId { get; set; }

    [FromQuery(Name = "q")]
    public string? Text { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Brand Brand { get; private set; } = null!;

    public MemberSearchPage Result { get; private set; } = new([], 0, 1, PageSize);

    public string Sharing { get; private set; } = MemberSharing.Default;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await brands.FindAsync(Scope, BrandId, cancellationToken) is not { } brand)
        {
            return NotFound();
        }

        Brand = brand;
        Result = await members.SearchAsync(MemberPages.ReaderOf(Scope, BrandId), new MemberSearchQuery(Text, PageNumber, PageSize), cancellationToken);
        Sharing = await sharing.GetAsync(BrandId, cancellationToken);
        return Page();
    }

    public string PageLink(int number) =>
        $"/admin/brands/{BrandId}/members?page={number}" + (string.IsNullOrWhiteSpace(Text) ? "" : "&q=" + Uri.EscapeDataString(Text));
}
