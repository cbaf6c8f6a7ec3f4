using WeLink.Server.Callbacks.Contracts;

namespace WeLink.Server.Conversations;

/// <summary>
/// WeLink's own reply to a pushed message is still being sent by an earlier delivery of the push (or was, by one that
/// died less than <see cref="ConversationReplies.AbandonedAfter"/> ago). The delivery fails so the inbox brings the push
/// back later: by then the reply is sent, or abandoned and taken over, and a push is never marked handled with its
/// reply unsent.
/// </summary>
public sealed class ReplyInFlightException(Guid messageId)
    : InboxRetryLaterException($"Reply {messageId} is still being sent by an earlier delivery; retry after it is settled.")
{
    public static void ThrowIfInFlight(ReplyResult result)
    {
        if (result is ReplyResult.Written { InFlight: true } written)
        {
            throw new ReplyInFlightException(written.Message.Id);
        }
    }
}
