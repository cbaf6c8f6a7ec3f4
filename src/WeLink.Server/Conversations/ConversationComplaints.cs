using WeLink.Server.Complaints.Contracts;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Conversations;

/// <summary>
/// A conversation filed as a complaint by staff who heard it, through the complaint filing every complaint takes. The
/// conversation is marked filed in the filing's own transaction, so it becomes one case at most; its messages show on
/// the case page's timeline (<see cref="ConversationTimeline"/>). The staff request's key files once: a repeat answers
/// the case it filed.
/// </summary>
public sealed class ConversationComplaints(ConversationStore store, IComplaintFiling filing)
{
    public async Task<ConversationComplaintResult> FileAsync(
        ConversationRow conversation, ConversationComplaint complaint, Actor staff, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(complaint);
        if (Filed(conversation, key) is { } earlier)
        {
            return earlier;
        }

        if (!conversation.IsOpen)
        {
            return new ConversationComplaintResult.Closed();
        }

        var description = complaint.Description ?? await ConsumerSaidAsync(conversation.Id, cancellationToken);
        var filed = await filing.FileAsync(
            new NewComplaint(
                conversation.BrandId, conversation.DealerId, conversation.ConsumerId, complaint.Category, complaint.Severity, description, null, staff, key,
                @case => ConversationStore.FiledAs(conversation.Id, @case, key)),
            cancellationToken);
        return filed switch
        {
            ComplaintFilingResult.Filed done => new ConversationComplaintResult.Filed(done.CaseId),
            ComplaintFilingResult.CategoryNotOffered => new ConversationComplaintResult.CategoryNotOffered(),
            ComplaintFilingResult.DealerNotLinked => new ConversationComplaintResult.DealerNotLinked(),

            // Filed or closed by someone else since it was read (or by this very key, concurrently): read again to say which.
            ComplaintFilingResult.AlsoWriteRefused => await store.FindAsync(conversation.Id, conversation.DealerId, cancellationToken) is { } now
                ? Filed(now, key) ?? new ConversationComplaintResult.Closed()
                : new ConversationComplaintResult.Closed(),
            _ => new ConversationComplaintResult.Refused(),
        };
    }

    /// <summary>The complaint's description when staff wrote none: what the consumer said, each message a line.</summary>
    private async Task<string> ConsumerSaidAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var said = string.Join('\n', (await store.MessagesAsync(conversationId, cancellationToken))
            .Where(m => m.Direction == MessageDirection.In)
            .Select(ConversationTimeline.TextOf));
        if (said.Length <= ComplaintLimits.Description)
        {
            return said;
        }

        // Cut at the limit without splitting a character that takes two UTF-16 units (most emoji).
        var cut = char.IsHighSurrogate(said[ComplaintLimits.Description - 1]) ? ComplaintLimits.Description - 1 : ComplaintLimits.Description;
        return said[..cut];
    }

    private static ConversationComplaintResult? Filed(ConversationRow conversation, string key) => conversation.CaseId switch
    {
        null => null,
        { } caseId when conversation.CaseKey == key => new ConversationComplaintResult.Filed(caseId),
        { } caseId => new ConversationComplaintResult.AlreadyFiled(caseId),
    };
}

/// <summary>What staff file, checked: <see cref="Description"/> null for the consumer's own words.</summary>
public sealed record ConversationComplaint(string Category, string Severity, string? Description);

public abstract record ConversationComplaintResult
{
    private ConversationComplaintResult()
    {
    }

    /// <summary>Filed now, or by this same request before.</summary>
    public sealed record Filed(Guid CaseId) : ConversationComplaintResult;

    /// <summary>Filed before by another request.</summary>
    public sealed record AlreadyFiled(Guid CaseId) : ConversationComplaintResult;

    public sealed record Closed : ConversationComplaintResult;

    public sealed record DealerNotLinked : ConversationComplaintResult;

    /// <summary>The category is not one of the brand's; nothing was filed.</summary>
    public sealed record CategoryNotOffered : ConversationComplaintResult;

    public sealed record Refused : ConversationComplaintResult;
}
