using WeLink.Server.Identities.Contracts;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Conversations.Api;

/// <summary>The staff app's conversation list and page, with the names Identities and the staff directory give.</summary>
public sealed class StaffConversationView(ConversationStore store, IConsumerDirectory consumers, IStaffDirectory staff, TimeProvider time)
{
    /// <summary>Unanswered first (the longest waiting first), then by the last message, newest first.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(Guid dealerId, bool includeClosed, CancellationToken cancellationToken)
    {
        var rows = await store.ListAsync(dealerId, includeClosed, cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var last = await store.LastMessagesAsync(ids, cancellationToken);
        var names = await consumers.NamesAsync([.. rows.Select(r => r.ConsumerId).Distinct()], cancellationToken);
        return
        [
            .. rows
                .OrderBy(r => r.WaitingSince is null)
                .ThenBy(r => r.WaitingSince)
                .ThenByDescending(r => r.LastMessageAt)
                .Select(r => new ConversationSummary(
                    r.Id,
                    Customer(r, names),
                    last.GetValueOrDefault(r.Id) is { } m ? new LastMessage(m.At, m.Direction, m.Kind, m.Text) : null,
                    r.WaitingSince is not null,
                    r.WaitingSince,
                    r.WindowClosesAt,
                    r.CaseId,
                    r.Status)),
        ];
    }

    public async Task<ConversationResponse> GetAsync(ConversationRow conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var messages = await store.MessagesAsync(conversation.Id, cancellationToken);
        var names = await consumers.NamesAsync([conversation.ConsumerId], cancellationToken);
        var staffNames = await ConversationNames.StaffAsync(staff, messages, cancellationToken);

        return new ConversationResponse(
            conversation.Id,
            conversation.Status,
            Customer(conversation, names),
            time.GetUtcNow() < conversation.WindowClosesAt,
            conversation.WindowClosesAt,
            conversation.CaseId,
            [
                .. messages.Select(m => new ConversationMessage(
                    m.Id,
                    m.At,
                    m.Direction,
                    m.Kind,
                    m.Text,
                    m.MediaId is null ? null : MediaUrl(conversation.Id, m.Id),
                    m.StaffId is { } by ? new MessageStaff(by, staffNames[by]) : null,
                    m.Delivery)),
            ]);
    }

    public static string MediaUrl(Guid conversationId, Guid messageId) => $"/api/staff/conversations/{conversationId}/media/{messageId}";

    private static ConversationCustomer Customer(ConversationRow row, IReadOnlyDictionary<Guid, string> names) =>
        new(row.ConsumerId, names.GetValueOrDefault(row.ConsumerId, ConversationNames.Unnamed));
}
