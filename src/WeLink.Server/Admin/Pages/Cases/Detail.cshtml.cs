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
    [FromRoute]
    public Guid CaseId { get; set; }

    public CaseDetails Case { get; private set; } = null!;

    public WorkflowDefinition Definition { get; private set; } = null!;

    public string DealerName { get; private set; } = "";

    /// <summary>The staff the case names, and who took each step in words.</summary>
    public CasePeople People { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await cases.GetAsync(CaseId, CaseScope.Of(Scope), cancellationToken) is not { } details)
        {
            return NotFound();
        }

        Case = details;
        Definition = await definitions.GetAsync(details.DefinitionKey, details.DefinitionVersion, cancellationToken);
        DealerName = (await dealers.FindAsync(details.DealerId, cancellationToken))?.Name ?? details.DealerId.ToString();
        People = await CasePeople.ReadAsync(details, staff, cancellationToken);

        return Page();
    }

    /// <summary>A step's trigger by the label the staff app shows, else as declared.</summary>
    public string Step(string trigger) =>
        Definition.Transitions.FirstOrDefault(t => t.Trigger == trigger)?.Label is { } key && Definition.Texts.TryGetValue(key, out var text) ? text : trigger;
}
