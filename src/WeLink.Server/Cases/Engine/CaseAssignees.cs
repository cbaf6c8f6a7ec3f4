using WeLink.Server.Cases.Definitions;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Cases.Engine;

/// <summary>
/// Whom a case may be handed to: an active staff member of the case's own dealer who holds a role that exists (the
/// named role, when the step names one). The ids arrive in request bodies (a manager's reassignment) as well as from the
/// system's own picks, so the engine checks them all, once. Another dealer's staff member, a former one and an id that
/// names no one get the same refusal, so the answer tells nothing about other tenants.
/// </summary>
public sealed class CaseAssignees(IStaffDirectory directory, CaseRoleCatalog roles)
{
    /// <summary>Null when the case may go to <paramref name="staffId"/> and/or <paramref name="role"/>; else the refusal, each bad field named.</summary>
    public async Task<CaseRefused?> RefusalAsync(Guid dealerId, Guid? staffId, string? role, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (role is not null && !roles.Roles.Contains(role))
        {
            problems.Add("role: is not a staff role");
        }

        if (staffId is { } id)
        {
            var member = await directory.FindAsync(id, cancellationToken);
            if (member is not { Active: true } || member.DealerId != dealerId)
            {
                problems.Add("staffId: is not an active staff member of the case's dealer");
            }
            else if (role is null ? !member.Roles.Any(roles.Roles.Contains) : !member.Roles.Contains(role))
            {
                problems.Add(role is null ? "staffId: holds no staff role" : "staffId: does not hold the role");
            }
        }

        return problems.Count == 0
            ? null
            : new CaseRefused(CaseRefusalReason.InvalidAssignee, $"The case cannot be handed over: {string.Join("; ", problems)}.", problems);
    }
}
