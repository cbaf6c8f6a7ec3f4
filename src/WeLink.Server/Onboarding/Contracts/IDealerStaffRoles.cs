using System.Security.Claims;

namespace WeLink.Server.Onboarding.Contracts;

/// <summary>A dealer's synced staff and their roles, as the dealer's admins see and change them.</summary>
public interface IDealerStaffRoles
{
    /// <summary>Whether the dealer's staff can receive work yet.</summary>
    Task<DealerStaffRoles> SummarizeAsync(Guid dealerId, CancellationToken cancellationToken);

    /// <summary>Every staff member synced from the dealer's corp (those who left too), by name.</summary>
    Task<IReadOnlyList<StaffRecord>> ListAsync(Guid dealerId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a staff member's roles as <paramref name="admin"/>, audited as <c>staff.roles.set</c>. Open cases that
    /// waited in one of those roles' queues with nobody assigned are handed to this staff member, who is told in WeCom.
    /// </summary>
    Task<StaffRolesGrant> GrantAsync(ClaimsPrincipal admin, Guid dealerId, Guid staffId, IReadOnlyList<string> roles, CancellationToken cancellationToken);
}

/// <param name="Active">Active staff synced from the dealer's corp.</param>
/// <param name="WithRoles">How many of them hold at least one role.</param>
public sealed record DealerStaffRoles(long Active, long WithRoles)
{
    /// <summary>Work routed to a role then waits with nobody told, until someone is given the role.</summary>
    public bool NobodyHasARole => Active > 0 && WithRoles == 0;
}

/// <summary>How a role change went: set (with the waiting cases handed over), refused for unknown roles, or no such staff member.</summary>
public abstract record StaffRolesGrant
{
    private StaffRolesGrant()
    {
    }

    public sealed record Granted(int HandedOver) : StaffRolesGrant;

    public sealed record UnknownRoles(IReadOnlyList<string> Roles) : StaffRolesGrant;

    public sealed record NoSuchStaff : StaffRolesGrant;
}
