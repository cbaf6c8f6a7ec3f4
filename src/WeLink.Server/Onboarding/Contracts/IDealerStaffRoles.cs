namespace WeLink.Server.Onboarding.Contracts;

/// <summary>Whether a dealer's staff can receive work yet, for the portal's dealer page.</summary>
public interface IDealerStaffRoles
{
    Task<DealerStaffRoles> SummarizeAsync(Guid dealerId, CancellationToken cancellationToken);
}

/// <param name="Active">Active staff synced from the dealer's WeCom corp.</param>
/// <param name="WithRoles">How many of them hold at least one role.</param>
public sealed record DealerStaffRoles(long Active, long WithRoles)
{
    /// <summary>Work routed to a role then waits with nobody told, until someone is given the role.</summary>
    public bool NobodyHasARole => Active > 0 && WithRoles == 0;
}
