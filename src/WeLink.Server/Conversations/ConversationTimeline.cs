using WeLink.Server.Cases.Contracts;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Conversations;

/// <summary>
/// The messages of the conversation a complaint was filed from, on the complaint's staff case page: the consumer's under
/// their name, the staff's under theirs, WeLink's own under 系统. The conversation stays linked, so what is said after the
/// filing shows too.
/// </summary>
public sealed class ConversationTimeline(ConversationStore store, IConsumerDirectory consumers, IStaffDirectory staff) : ICaseTimelineSource
{
    public const string Kind = "conversation";

    public async Task<IReadOnlyList<CaseTimelineEntry>> EntriesAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (await store.FindByCaseAsync(caseId, cancellationToken) is not { } conversation)
        {
            return [];
        }

        var messages = await store.MessagesAsync(conversation.Id, cancellationToken);
        var customer = (await consumers.NamesAsync([conversation.ConsumerId], cancellationToken)).GetValueOrDefault(conversation.ConsumerId, ConversationNames.Unnamed);
        var staffNames = await ConversationNames.StaffAsync(staff, messages, cancellationToken);

        return
        [
            .. messages.Select(m => new CaseTimelineEntry(
                m.At,
                Kind,
                m.Direction == MessageDirection.In ? customer : m.StaffId is { } by ? staffNames[by] : "系统",
                TextOf(m))),
        ];
    }

    /// <summary>A message as words: its text, or what it was when it has none.</summary>
    public static string TextOf(ConversationMessageRow message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Kind switch
        {
            MessageKind.Image => "[图片]",
            MessageKind.Voice => "[语音]",
            MessageKind.Page => $"[小程序] {message.Text}",
            _ => message.Text ?? "",
        };
    }
}
