using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Cases.Admin;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Workflow.Definitions;

namespace WeLink.Server.Admin.Pages.Cases;

/// <summary>
/// One case as admins see it: what was filed, every step with who took it, the timers, staff notes, the messages sent about
/// it and the outbox deliveries with their errors. A case outside the admin's scope is not found, as through the API.
/// </summary>
public sealed class CaseDetailModel(CaseDetailsStore cases, CaseDefinitions definitions, IDealerRegistry dealers, IStaffDirectory staff) : PortalPageModel
{
    private readonly Dictionary<Guid, string> _staffNames = [];

    [FromRoute]
    public Guid CaseId { get; set; }

    public CaseDetails Case { get; private set; } = null!;

    public WorkflowDefinition Definition { get; private set; } = null!;

    public string DealerName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await cases.GetAsync(CaseId, CaseScope.Of(Scope), cancellationToken) is not { } details)
        {
            return NotFound();
        }

        Case = details;
        Definition = await definitions.GetAsync(details.DefinitionKey, details.DefinitionVersion, cancellationToken);
        DealerName = (await dealers.FindAsync(details.DealerId, cancellationToken))?.Name ?? details.DealerId.ToString();
        var staffIds = details.History.Where(h => h.ActorKind == "staff").Select(h => h.ActorId).OfType<string>()
            .Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty)
            .Concat(details.Notes.Select(n => n.AuthorStaffId))
            .Concat(details.AssigneeStaffId is { } a ? [a] : [])
            .Where(id => id != Guid.Empty)
            .Distinct();
        foreach (var id in staffIds)
        {
            _staffNames[id] = (await staff.FindAsync(id, cancellationToken))?.Name ?? "（已移除）";
        }

        return Page();
    }

    /// <summary>Who took a step, in words: a staff member by name, the consumer, or WeLink itself (timers, actions).</summary>
    public string Actor(CaseHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.ActorKind switch
        {
            "staff" when Guid.TryParse(entry.ActorId, out var id) => _staffNames.GetValueOrDefault(id, "员工"),
            "consumer" => "客户",
            "system" => "系统",
            _ => entry.ActorKind,
        };
    }

    public string StaffName(Guid staffId) => _staffNames.GetValueOrDefault(staffId, "员工");

    /// <summary>A step's trigger by the label the staff app shows, else as declared.</summary>
    public string Step(string trigger) =>
        Definition.Transitions.FirstOrDefault(t => t.Trigger == trigger)?.Label is { } key && Definition.Texts.TryGetValue(key, out var text) ? text : trigger;
}
