using WeLink.Workflow.Actions;

namespace WeLink.Server.Complaints.Actions;

/// <summary>A definition action that sends the consumer a template message from the dealer's own account, carrying the
/// label of the state the case is in (已受理 / 处理中 / 已解决 / 已关闭).</summary>
public sealed class ConsumerNoticeAction(
    string name,
    Func<ComplaintPayload, (string Headline, string Remark)> text,
    ComplaintMessenger messenger,
    ComplaintLabels labels) : ICaseActionHandler
{
    public string Name => name;

    public async Task HandleAsync(CaseActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var complaint = new ComplaintPayload(context);
        var label = await labels.LabelAsync(complaint.DefinitionVersion, complaint.State, cancellationToken);
        var (headline, remark) = text(complaint);
        await messenger.SendToConsumerAsync(complaint, headline, label, remark, cancellationToken);
    }
}
