using WeLink.Server.Shared;
using WeLink.Server.StaffApp.Contracts;
using WeLink.Wechat.WeCom.Models;
using WeLink.Workflow.Actions;
using WeLink.Workflow.Definitions;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// Sends the notice a case's definition declares under the action's name: a message to the consumer (see
/// <see cref="CaseMessenger.SendToConsumerAsync"/>), or a WeCom
/// text card (a template card when the notice has buttons) to the case's assignee or to everyone in the notice's roles, with
/// the texts rendered from the definition's own text table. Every staff message opens the case's page in the staff app. An
/// action that names no notice is a wiring mistake and stays failing.
/// </summary>
public sealed class NoticeAction(CaseDefinitions definitions, CaseMessenger messenger, MessageAddresses addresses, PublicAddress address) : INoticeHandler
{
    public string Name => "notice";

    public async Task HandleAsync(CaseActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var payload = new CasePayload(context);
        var definition = await definitions.GetAsync(payload.DefinitionKey, payload.DefinitionVersion, cancellationToken);
        var notice = definition.Notices.FirstOrDefault(n => n.Action == context.Action)
            ?? throw new InvalidOperationException($"No handler and no notice in '{definition.Key}' v{definition.Version} for action '{context.Action}'.");
        await SendAsync(definition, notice, payload, cancellationToken);
    }

    /// <summary>Sends <paramref name="notice"/> for the delivery in <paramref name="payload"/>; actions that do more than
    /// tell someone (an assignment) send their notice through here after their own work.</summary>
    public async Task SendAsync(WorkflowDefinition definition, NoticeDefinition notice, CasePayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(payload);
        var texts = CaseTexts.For(definition, payload);
        var text = texts.Render(notice.Text);
        var summary = $"{notice.Action}: {text}";
        if (notice.To.Consumer)
        {
            await messenger.SendToConsumerAsync(
                new ConsumerMessage(
                    payload.IdempotencyKey, payload.CaseId, payload.Context.DealerId, definition.Key, payload.ConsumerId, summary, text, texts.Render(TextRules.SubjectText),
                    definition.States.FirstOrDefault(s => s.Key == payload.State)?.ConsumerLabel ?? "", notice.Detail is null ? "" : texts.Render(notice.Detail))
                {
                    Purpose = notice.Purpose,
                },
                cancellationToken);
            return;
        }

        var recipients = await RecipientsAsync(notice.To, payload, cancellationToken);
        var casePage = StaffAppLinks.Case(address.Configured(), payload.CaseId);
        Func<string, long, MessageSendRequest> build = notice.Buttons.Count == 0
            ? (to, agent) => MessageSendRequest.ForTextcard(to, agent, CaseCards.BuildText(notice, texts, casePage))
            : (to, agent) => MessageSendRequest.ForTemplateCard(to, agent, CaseCards.Build(notice, payload, texts, casePage));
        await messenger.SendToStaffAsync(new StaffMessage(payload.IdempotencyKey, payload.CaseId, payload.Context.DealerId, recipients, summary, build), cancellationToken);
    }

    private async Task<IReadOnlyList<string>> RecipientsAsync(NoticeAudience audience, CasePayload payload, CancellationToken cancellationToken)
    {
        var assignee = audience.Assignee ? await addresses.AssigneeUserIdAsync(payload.CaseId, cancellationToken) : null;
        return assignee is not null ? [assignee] : await addresses.UserIdsInRolesAsync(payload.Context.DealerId, audience.Roles, cancellationToken);
    }
}
