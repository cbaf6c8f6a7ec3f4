using System.Security.Claims;
using WeLink.Server.Cases.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Onboarding.Corps;

/// <summary>
/// The one way a dealer's staff get roles, for the admin API and the portal's staff page alike: the roles, the handover
/// of waiting work, the WeCom notice and the audit record go together.
/// </summary>
public sealed class StaffRoleGrants(
    StaffStore staff, IDealerRegistry dealers, IAuditTrail audit, IWaitingCaseHandover handover, RoleGrantNotice notice) : IDealerStaffRoles
{
    public Task<DealerStaffRoles> SummarizeAsync(Guid dealerId, CancellationToken cancellationToken) => staff.SummarizeAsync(dealerId, cancellationToken);

    public Task<IReadOnlyList<StaffRecord>> ListAsync(Guid dealerId, CancellationToken cancellationToken) => staff.ListAsync(dealerId, cancellationToken);

    public async Task<StaffRolesGrant> GrantAsync(
        ClaimsPrincipal admin, Guid dealerId, Guid staffId, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var unknown = roles.Where(r => !StaffRoles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            return new StaffRolesGrant.UnknownRoles(unknown);
        }

        var set = await staff.SetRolesAsync(dealerId, staffId, roles, cancellationToken);
        var handed = set ? await handover.HandOverAsync(dealerId, staffId, roles, cancellationToken) : [];
        if (handed.Count > 0)
        {
            await notice.SendAsync(staffId, roles, handed.Count, cancellationToken);
        }

        var brandId = (await dealers.FindAsync(dealerId, cancellationToken))?.BrandId;
        var detail = set ? $"roles: {(roles.Count == 0 ? "none" : string.Join(", ", roles.Distinct(StringComparer.Ordinal)))}" : "no such staff member at this dealer";
        if (handed.Count > 0)
        {
            detail += $"; {handed.Count} waiting case(s) handed over";
        }

        await audit.RecordAsync(
            admin,
            new AuditEvent("staff.roles.set", "staff", staffId.ToString(), set ? AuditOutcome.Succeeded : AuditOutcome.Refused, brandId, dealerId, detail),
            cancellationToken);
        return set ? new StaffRolesGrant.Granted(handed.Count) : new StaffRolesGrant.NoSuchStaff();
    }
}
