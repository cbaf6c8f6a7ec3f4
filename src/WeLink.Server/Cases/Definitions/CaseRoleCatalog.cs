using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Cases.Definitions;

/// <summary>The staff roles definitions may name (<c>staff:&lt;role&gt;</c>): <see cref="StaffRoles"/> plus those features add.</summary>
public sealed class CaseRoleCatalog(IEnumerable<CaseRoleSet> sets)
{
    public IReadOnlySet<string> Roles { get; } = new HashSet<string>(StaffRoles.All.Concat(sets.SelectMany(s => s.Roles)), StringComparer.Ordinal);
}

/// <summary>Roles a feature adds; registered with <c>AddCaseRoles</c>.</summary>
public sealed record CaseRoleSet(IReadOnlyList<string> Roles);
