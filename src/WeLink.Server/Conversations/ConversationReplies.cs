using WeLink.Wechat.Http;
using WeLink.Wechat.OfficialAccount;
using WeLink.Wechat.OfficialAccount.Models;
using WeLink.Wechat.Tokens;

namespace WeLink.Server.Conversations;

/// <summary>
/// Replies as customer-service messages (<c>message/custom/send</c>) from the dealer's own account, allowed only
/// within WeChat's 48 hours since the consumer's last message. WeLink judges the window by its own clock before sending,
/// and WeChat's refusal (45015) counts the same, so a reply outside it is neither sent nor stored. A key used before
/// answers what it answered first and sends nothing, unless that reply was left pending by a request that died between
/// writing and sending it: one pending for longer than <see cref="AbandonedAfter"/> is taken over and sent, so a reply
/// is sent at least once. It reaches the consumer twice only when the request died after WeChat took it and before it
/// was marked sent, a window of one HTTP answer; a reply never sent would leave the consumer unanswered. An abandoned
/// reply whose conversation was closed or whose window passed meanwhile is marked failed instead, so staff see it was not
/// delivered; one not yet abandoned still answers in flight, so the redelivery that settles it comes back.
/// </summary>
public sealed class ConversationReplies(ConversationStore store, OfficialAccountClient accounts, TimeProvider time, ILogger<ConversationReplies> logger)
{
    /// <summary>WeChat's "reply time limit exceeded": out of the window, or the consumer unfollowed.</summary>
    public const int OutsideWindow = 45015;

    /// <summary>The longest one send may take, building the message (a card uploads its picture) included.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(40);

    /// <summary>
    /// How long a reply stays pending before its request counts as dead: the send timeout, and a margin for the clocks of
    /// two nodes (the one that wrote it and the one that finds it).
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = SendTimeout + TimeSpan.FromSeconds(10);

    /// <summary>Sends the reply as <paramref name="staffId"/>; null for WeLink's own replies (out of hours, keywords), which answer nobody's waiting.</summary>
    public Task<ReplyResult> ReplyAsync(ConversationRow conversation, string key, Guid? staffId, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return SendAsync(conversation, key, staffId, MessageKind.Text, text, _ => Task.FromResult(MessageCustomSendRequest.ForText(conversation.OpenId, text)), cancellationToken);
    }

    /// <summary>
    /// Sends a message of <paramref name="kind"/>, kept in the conversation as <paramref name="text"/>; <paramref name="request"/>
    /// builds what WeChat gets only once it is to be sent (a card uploads its picture first), and its failure counts as the send's.
    /// </summary>
    public async Task<ReplyResult> SendAsync(
        ConversationRow conversation,
        string key,
        Guid? staffId,
        string kind,
        string text,
        Func<CancellationToken, Task<MessageCustomSendRequest>> request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(request);
        var earlier = await store.FindOutboundAsync(conversation.Id, key, cancellationToken);
        if (earlier is { Delivery: not MessageDelivery.Pending })
        {
            return new ReplyResult.Written(earlier);
        }

        var now = time.GetUtcNow();
        ReplyResult? refused = !conversation.IsOpen ? new ReplyResult.Closed()
            : now >= conversation.WindowClosesAt ? new ReplyResult.WindowClosed(conversation.WindowClosesAt)
            : null;
        ConversationMessageRow message;
        if (earlier is not null)
        {
            if (!await store.TryTakeOverOutboundAsync(earlier.Id, now, now - AbandonedAfter, cancellationToken))
            {
                return new ReplyResult.Written(earlier);
            }

            if (refused is not null)
            {
                // It can no longer be sent; left pending it would show as being sent for ever.
                logger.AbandonedReplyNotSent(conversation.Id, earlier.Id, now - earlier.At);
                await FinishAsync(earlier with { At = now }, MessageDelivery.Failed);
                return refused;
            }

            logger.SendingAbandonedReply(conversation.Id, earlier.Id, now - earlier.At);
            message = earlier with { At = now };
        }
        else
        {
            if (refused is not null)
            {
                return refused;
            }

            var started = await store.StartOutboundAsync(conversation.Id, key, kind, text, staffId, cancellationToken);
            if (started.Replayed)
            {
                return new ReplyResult.Written(started.Message);
            }

            message = started.Message;
        }

        // Bounded, so a request still sending can never be mistaken for a dead one (AbandonedAfter).
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        sending.CancelAfter(SendTimeout);
        try
        {
            await accounts.SendCustomMessageAsync(conversation.AppId, await request(sending.Token), sending.Token);
        }
        catch (WechatApiException e) when (e.Errcode == OutsideWindow)
        {
            await store.DropAsync(message.Id, CancellationToken.None);
            return new ReplyResult.WindowClosed(conversation.WindowClosesAt);
        }
        catch (Exception e) when (e is WechatApiException or AuthorizationLostException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            logger.SendFailed(conversation.Id, "a reply", e.Message);
            return new ReplyResult.Written(await FinishAsync(message, MessageDelivery.Failed));
        }

        return new ReplyResult.Written(await FinishAsync(message, MessageDelivery.Sent));
    }

    private async Task<ConversationMessageRow> FinishAsync(ConversationMessageRow message, string delivery)
    {
        // The send happened (or failed for good): its record must not be lost to a caller who gave up waiting.
        await store.FinishOutboundAsync(message, delivery, CancellationToken.None);
        return message with { Delivery = delivery };
    }
}

/// <summary>What became of a reply.</summary>
public abstract record ReplyResult
{
    private ReplyResult()
    {
    }

    /// <summary>
    /// Written, with its delivery: sent, or failed at WeChat for another reason than the window; pending when an earlier
    /// request with the same key is sending it (<see cref="InFlight"/>).
    /// </summary>
    public sealed record Written(ConversationMessageRow Message) : ReplyResult
    {
        /// <summary>Another request is sending it, or died doing so less than <see cref="ConversationReplies.AbandonedAfter"/> ago.</summary>
        public bool InFlight => Message.Delivery == MessageDelivery.Pending;
    }

    /// <summary>Outside the 48-hour window: nothing sent or stored.</summary>
    public sealed record WindowClosed(DateTimeOffset ClosedAt) : ReplyResult;

    /// <summary>The conversation is closed: nothing sent or stored.</summary>
    public sealed record Closed : ReplyResult;
}
