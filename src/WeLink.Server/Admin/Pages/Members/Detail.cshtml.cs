using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Admin.Pages.Members;

/// <summary>
/// One member as the admin may see them: the same view staff get in the WeCom app, read as HQ or as the admin's dealer.
/// HQ also sees the member's merges and may undo one (audited <c>member.merge.undone</c>): both records are then as before.
/// </summary>
public sealed class MemberDetailModel(BrandStore brands, IMemberViews members, IMemberMergeAdmin merges, IAuditTrail audit) : PortalPageModel
{
    [FromRoute]
    public Guid BrandId { get; set; }

    [FromRoute]
    public Guid MemberId { get; set; }

    public Brand Brand { get; private set; } = null!;

    public MemberView Member { get; private set; } = null!;

    public IReadOnlyList<MemberMergeEntry> Merges { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await brands.FindAsync(Scope, BrandId, cancellationToken) is not { } brand
            || await members.GetAsync(MemberPages.ReaderOf(Scope, BrandId), MemberId, cancellationToken) is not { } member)
        {
            return NotFound();
        }

        (Brand, Member) = (brand, member);
        Merges = IsHq ? await merges.OfMemberAsync(BrandId, member.Id, cancellationToken) : [];
        return Page();
    }

    [HandlerPolicy(WeLinkPolicies.HqAdmin)]
    public async Task<IActionResult> OnPostUndoAsync(Guid mergeId, CancellationToken cancellationToken)
    {
        if (await brands.FindAsync(Scope, BrandId, cancellationToken) is null)
        {
            return NotFound();
        }

        var result = await merges.UndoAsync(BrandId, mergeId, $"admin:{Scope.SubjectId}", cancellationToken);
        var outcome = result == MergeUndoResult.Undone ? AuditOutcome.Succeeded : AuditOutcome.Refused;
        await audit.RecordAsync(User, new AuditEvent("member.merge.undone", "member-merge", mergeId.ToString(), outcome, BrandId, null, result.ToString()), cancellationToken);
        if (result == MergeUndoResult.NotFound)
        {
            return NotFound();
        }

        (Flash, FlashProblem) = result switch
        {
            MergeUndoResult.Undone => ("已撤销合并，两条会员记录已恢复原样。", (string?)null),
            MergeUndoResult.AlreadyUndone => (null, "这次合并已经撤销过了。"),
            _ => (null, "其中一条记录之后又被合并或注销，无法单独撤销这次合并。"),
        };
        return RedirectToPage();
    }
}
