using System.Text.Json.Nodes;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Cases.Admin;

/// <summary>
/// The staff a case's details name (who took each step, whom a reassignment chose, who wrote each note, the assignee), read
/// once from the staff directory, and who took a step in words. The staff app's case page and the portal's share it.
/// </summary>
public sealed class CasePeople
{
    private readonly Dictionary<Guid, string> _names;

    private CasePeople(Dictionary<Guid, string> names) => _names = names;

    /// <summary>The name of a staff member the case names; "员工" for one it does not.</summary>
    public string StaffName(Guid staffId) => _names.GetValueOrDefault(staffId, "员工");

    /// <summary>Who took a step: a staff member by name, the customer, or WeLink itself (timers, actions).</summary>
    public string Actor(CaseHistoryEntry step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.ActorKind switch
        {
            "staff" when Guid.TryParse(step.ActorId, out var id) => StaffName(id),
            "consumer" => "客户",
            _ => "系统",
        };
    }

    /// <summary>The staff member a reassignment chose, when it chose one rather than a role's queue.</summary>
    public static Guid? ReassignedTo(CaseHistoryEntry step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Trigger == CaseEngine.ReassignTrigger && step.Input["staffId"] is JsonValue v && v.TryGetValue<string>(out var id)
            && Guid.TryParse(id, out var staffId) ? staffId : null;
    }

    public static async Task<CasePeople> ReadAsync(CaseDetails details, IStaffDirectory staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(staff);
        var ids = details.History.Where(h => h.ActorKind == "staff").Select(h => Guid.TryParse(h.ActorId, out var g) ? g : Guid.Empty)
            .Concat(details.History.Select(h => ReassignedTo(h) ?? Guid.Empty))
            .Concat(details.Notes.Select(n => n.AuthorStaffId))
            .Concat(details.AssigneeStaffId is { } a ? [a] : [])
            .Where(g => g != Guid.Empty)
            .Distinct();
        var names = new Dictionary<Guid, string>();
        foreach (var id in ids)
        {
            names[id] = (await staff.FindAsync(id, cancellationToken))?.Name ?? "（已离开的员工）";
        }

        return new CasePeople(names);
    }
}
