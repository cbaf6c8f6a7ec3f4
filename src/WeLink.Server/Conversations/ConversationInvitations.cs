using WeLink.Server.Cases.Contracts;
using WeLink.Wechat.Http;
using WeLink.Wechat.Tokens;

namespace WeLink.Server.Conversations;

/// <summary>
/// Past WeChat's 48-hour window the dealer can still reach the consumer with a template message (the status template every
/// account's notices use) inviting them back, which opens the window again when they write. At most one a day per
/// conversation, so staff cannot flood a consumer; a key used before answers what it answered first and sends nothing.
/// </summary>
public sealed class ConversationInvitations(ConversationStore store, IStatusTemplateMessages templates, TimeProvider time, ILogger<ConversationInvitations> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(24);

    /// <summary>What staff read in the conversation for the invitation sent.</summary>
    public const string Summary = "已发送模板消息，邀请客户回到公众号继续沟通";

    public async Task<InvitationResult> InviteAsync(ConversationRow conversation, string key, Guid staffId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (await store.FindOutboundAsync(conversation.Id, key, cancellationToken) is { } earlier)
        {
            return new InvitationResult.Written(earlier);
        }

        // Written before the day's invitation is taken, so a repeat of this request finds it whatever comes next.
        var started = await store.StartOutboundAsync(conversation.Id, key, MessageKind.Template, Summary, staffId, cancellationToken);
        if (started.Replayed)
        {
            return new InvitationResult.Written(started.Message);
        }

        var now = time.GetUtcNow();
        if (!await store.TryTakeInvitationAsync(conversation.Id, now, now - Interval, cancellationToken))
        {
            await store.DropAsync(started.Message.Id, CancellationToken.None);
            return new InvitationResult.TooSoon();
        }

        var message = new StatusTemplateMessage(
            conversation.AppId,
            conversation.OpenId,
            new StatusText("在线咨询", "待您回复", "顾问回复了您的咨询", "回到公众号发送任意消息，即可继续与顾问沟通"),
            Url: null,
            ClientMsgId: started.Message.Id.ToString("N"));
        var delivery = MessageDelivery.Sent;
        try
        {
            await templates.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is WechatApiException or AuthorizationLostException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            logger.SendFailed(conversation.Id, "an invitation", e.Message);
            await store.GiveBackInvitationAsync(conversation.Id, conversation.LastInvitationAt, CancellationToken.None);
            delivery = MessageDelivery.Failed;
        }

        // The send happened (or failed for good): its record must not be lost to a caller who gave up waiting.
        await store.FinishOutboundAsync(started.Message, delivery, CancellationToken.None);
        return new InvitationResult.Written(started.Message with { Delivery = delivery });
    }
}

/// <summary>What became of an invitation.</summary>
public abstract record InvitationResult
{
    private InvitationResult()
    {
    }

    /// <summary>Written, with its delivery (sent, or failed at WeChat).</summary>
    public sealed record Written(ConversationMessageRow Message) : InvitationResult;

    /// <summary>One was sent within the last 24 hours: nothing sent or stored.</summary>
    public sealed record TooSoon : InvitationResult;
}
