namespace WeLink.Server.Onboarding.Contracts;

/// <summary>
/// The staff of dealers' WeCom corps, as directory sync keeps them, with their roles. What other features may know of
/// staff; the <c>staff</c> and <c>staff_roles</c> tables stay Onboarding's.
/// </summary>
public interface IStaffDirectory
{
    /// <summary>Null when no staff member has this id; a member who left comes back with Active false.</summary>
    Task<StaffMember?> FindAsync(Guid staffId, CancellationToken cancellationToken);

    /// <summary>The member behind a WeCom corpid and userid (an OAuth sign-in, a card button press); null when unknown.</summary>
    Task<StaffMember?> FindByUserIdAsync(string corpId, string userId, CancellationToken cancellationToken);

    /// <summary>The dealer's active staff holding any of <paramref name="roles"/>, ordered by id (so choices among them are stable).</summary>
    Task<IReadOnlyList<StaffMember>> ActiveInRolesAsync(Guid dealerId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken);
}
