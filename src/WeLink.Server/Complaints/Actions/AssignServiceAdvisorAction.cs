using WeLink.Server.Cases.Engine;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Tenancy.Access;
using WeLink.Workflow.Actions;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Complaints.Actions;

/// <summary>
/// Gives a new complaint to the dealer's active service advisor with the fewest open cases (through the engine, so the
/// assignment is a step in the history), then sends the definition's <c>notify_new_complaint</c> notice: a card to the
/// new owner, or to the service managers while the case stays with the service-advisor role.
/// </summary>
public sealed class AssignServiceAdvisorAction(IServiceProvider services, AdvisorPicker advisors, CaseDefinitions definitions, NoticeAction notices)
    : ICaseActionHandler
{
    public const string ActionName = "assign_service_advisor";

    public const string NoticeName = "notify_new_complaint";

    public string Name => ActionName;

    public async Task HandleAsync(CaseActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Resolved late: the engine depends on the action registry this handler belongs to.
        var engine = services.GetRequiredService<CaseEngine>();
        var advisor = await advisors.LeastBusyAdvisorAsync(context.DealerId, cancellationToken);
        var assigned = await engine.ReassignAsync(
            context.CaseId, CaseScope.Platform, Actor.System, advisor, StaffRoles.ServiceAdvisor, context.IdempotencyKey, null, cancellationToken);
        if (assigned is CaseConflict conflict)
        {
            throw new InvalidOperationException(conflict.Message);
        }

        if (assigned is not CaseMoved)
        {
            return;
        }

        var payload = new CasePayload(context);
        var definition = await definitions.GetAsync(payload.DefinitionKey, payload.DefinitionVersion, cancellationToken);
        var notice = definition.Notices.FirstOrDefault(n => n.Action == NoticeName)
            ?? throw new InvalidOperationException($"'{definition.Key}' v{definition.Version} declares no notice '{NoticeName}'.");
        await notices.SendAsync(definition, notice, payload, cancellationToken);
    }
}
