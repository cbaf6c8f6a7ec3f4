using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Admin.Pages.Dealers;

/// <summary>
/// A dealer's staff as synced from its WeCom corp, with the roles that route work to them; any admin who reaches the
/// dealer gives roles here, as through the API (audited, and waiting work goes to the first holder of a role), and picks
/// the duty role: the role told in WeCom of each new conversation a consumer opens with the dealer's account.
/// </summary>
public sealed class DealerStaffModel(
    DealerStore dealers, IDealerStaffRoles staffRoles, IConversationSettings conversations, IAuditTrail audit) : PortalPageModel
{
    [FromRoute]
    public Guid DealerId { get; set; }

    public Dealer Dealer { get; private set; } = null!;

    public IReadOnlyList<StaffRecord> Staff { get; private set; } = [];

    public string DutyRole { get; private set; } = ConversationDefaults.DutyRole;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await dealers.FindAsync(Scope, DealerId, cancellationToken) is not { } dealer)
        {
            return NotFound();
        }

        Dealer = dealer;
        Staff = await staffRoles.ListAsync(DealerId, cancellationToken);
        DutyRole = await conversations.DutyRoleAsync(DealerId, cancellationToken);
        return Page();
    }

    /// <summary>Sets the dealer's duty role, one of the staff roles; audited as <c>dealer.duty-role.set</c>.</summary>
    public async Task<IActionResult> OnPostDutyRoleAsync(string? role, CancellationToken cancellationToken)
    {
        if (await dealers.FindAsync(Scope, DealerId, cancellationToken) is not { } dealer)
        {
            return NotFound();
        }

        if (role is null || !StaffRoles.All.Contains(role))
        {
            FlashProblem = $"请从{string.Join("、", StaffRoles.All.Select(StaffRoles.LabelOf))}中选择会话值班角色。";
            return RedirectToPage();
        }

        await conversations.SetDutyRoleAsync(DealerId, role, cancellationToken);
        await audit.RecordAsync(
            User, new AuditEvent("dealer.duty-role.set", "dealer", DealerId.ToString(), AuditOutcome.Succeeded, dealer.BrandId, DealerId, $"role: {role}"), cancellationToken);
        Flash = $"新会话今后通知{StaffRoles.LabelOf(role)}。";
        return RedirectToPage();
    }

    /// <summary>The row's ticked boxes become the staff member's roles; no box ticked takes every role away.</summary>
    public async Task<IActionResult> OnPostRolesAsync(Guid staffId, string? name, string[]? roles, CancellationToken cancellationToken)
    {
        var who = string.IsNullOrWhiteSpace(name) ? "该员工" : name;
        var chosen = roles ?? [];
        switch (await staffRoles.GrantAsync(User, DealerId, staffId, chosen, cancellationToken))
        {
            case StaffRolesGrant.Granted { HandedOver: > 0 } granted:
                Flash = $"已保存{who}的角色；此前等待这些角色的 {granted.HandedOver} 件工作已转交给{who}，并已在企业微信中通知。";
                break;
            case StaffRolesGrant.Granted:
                Flash = chosen.Length == 0 ? $"已取消{who}的全部角色。" : $"已保存{who}的角色：{string.Join("、", chosen.Select(StaffRoles.LabelOf))}。";
                break;
            case StaffRolesGrant.UnknownRoles unknown:
                FlashProblem = $"未知角色：{string.Join("、", unknown.Roles)}。";
                break;
            default:
                FlashProblem = "本经销商没有这名员工（可能已被同步移除），请刷新后重试。";
                break;
        }

        return RedirectToPage();
    }
}
