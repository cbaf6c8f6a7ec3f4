using WeLink.Server.Complaints.Cards;
using WeLink.Wechat.WeCom.Models;
using WeLink.Workflow.Actions;

namespace WeLink.Server.Complaints.Actions;

/// <summary>
/// A definition action that tells staff something in WeCom: a text message, or a button card when <paramref name="buttons"/>
/// are given (each button fires the trigger named by its key). Escalations and breach notices are these; the breach itself
/// is the timer's transition in the case history, and the notice is recorded in the complaint's message log.
/// </summary>
public sealed class StaffNoticeAction(
    string name,
    StaffAudience audience,
    Func<ComplaintPayload, string> text,
    IReadOnlyList<CardButton> buttons,
    ComplaintMessenger messenger,
    ComplaintParties parties) : ICaseActionHandler
{
    public string Name => name;

    public async Task HandleAsync(CaseActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var complaint = new ComplaintPayload(context);
        var owner = audience.Owner ? await parties.AssigneeUserIdAsync(context.CaseId, cancellationToken) : null;
        IReadOnlyList<string> recipients = owner is not null ? [owner] : await parties.UserIdsInRolesAsync(context.DealerId, audience.Roles, cancellationToken);
        var message = text(complaint);
        await messenger.SendToStaffAsync(
            complaint, context.DealerId, recipients, $"{name}: {message}",
            (to, agent) => buttons.Count == 0
                ? MessageSendRequest.ForText(to, agent, message)
                : MessageSendRequest.ForTemplateCard(to, agent, ComplaintCards.Build(complaint, message, buttons)),
            cancellationToken);
    }
}
