using WeLink.Server.Access;

namespace WeLink.Server.Complaints.Actions;

/// <summary>Who on the dealer's staff a notice goes to: the case's owner (falling back to <see cref="Roles"/> while the case
/// has none), or everyone active in <see cref="Roles"/>.</summary>
public sealed record StaffAudience(bool Owner, IReadOnlyList<string> Roles)
{
    public static StaffAudience CaseOwner { get; } = new(true, [StaffRoles.ServiceManager]);

    public static StaffAudience InRoles(params string[] roles) => new(false, roles);
}
