using WeLink.Server.Access;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Complaints.Cards;
using WeLink.Wechat.WeCom.Models;
using WeLink.Workflow.Actions;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Complaints.Actions;

/// <summary>
/// Gives a new complaint to the dealer's active service advisor with the fewest open cases (through the engine, so the
/// assignment is a step in the history) and sends them a card with buttons to accept it or ask the consumer for more.
/// Without an advisor the case stays with the service-advisor role and the card goes to the service managers.
/// </summary>
public sealed class AssignServiceAdvisorAction(IServiceProvider services, ComplaintParties parties, ComplaintMessenger messenger) : ICaseActionHandler
{
    public const string ActionName = "assign_service_advisor";

    private static readonly CardButton[] Buttons =
    [
        new() { Text = "受理", Style = 1, Key = ComplaintDefinition.Triggers.Acknowledge },
        new() { Text = "请客户补充信息", Style = 2, Key = ComplaintDefinition.Triggers.RequestInfo },
    ];

    public string Name => ActionName;

    public async Task HandleAsync(CaseActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Resolved late: the engine depends on the action registry this handler belongs to.
        var engine = services.GetRequiredService<CaseEngine>();
        var advisor = await parties.LeastBusyAdvisorAsync(context.DealerId, cancellationToken);
        var assigned = await engine.ReassignAsync(
            context.CaseId, Actor.System, advisor, StaffRoles.ServiceAdvisor, context.IdempotencyKey, null, cancellationToken);
        if (assigned is CaseConflict conflict)
        {
            throw new InvalidOperationException(conflict.Message);
        }

        if (assigned is not CaseMoved)
        {
            return;
        }

        var complaint = new ComplaintPayload(context);
        var owner = await parties.AssigneeUserIdAsync(context.CaseId, cancellationToken);
        IReadOnlyList<string> recipients = owner is not null ? [owner] : await parties.UserIdsInRolesAsync(context.DealerId, [StaffRoles.ServiceManager], cancellationToken);
        var title = complaint.Severity == "high" ? "新投诉（紧急）" : "新投诉";
        await messenger.SendToStaffAsync(
            complaint, context.DealerId, recipients, $"{ActionName}: {title}",
            (to, agent) => MessageSendRequest.ForTemplateCard(to, agent, ComplaintCards.Build(complaint, title, Buttons)),
            cancellationToken);
    }
}
