using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Conversations.Keywords;
using WeLink.Server.Identities.Contracts;
using WeLink.Wechat.Messages;

namespace WeLink.Server.Conversations;

/// <summary>
/// A consumer's text, picture or voice to a dealer's official account (the account channel; the inbox's TargetId is the
/// authorizer appid) goes into the consumer's open conversation with that dealer, the consumer being recorded on first
/// sight as a follow records them. A push is recorded once by its MsgId, so a redelivery adds nothing and tells nobody
/// again. Pictures and voices are fetched from WeChat while it still keeps them (3 days). A text containing one of the
/// brand's keywords gets its reply first (<see cref="KeywordAnswers"/>); outside the dealer's business hours the consumer
/// gets the brand's out-of-hours reply at once (once a day per conversation); a new conversation is told to the dealer's
/// duty role (<see cref="ConversationNotices"/>), keyword or not: a keyword reply points the way, a person still answers.
/// </summary>
public sealed class ConsumerMessageHandler(
    IAccountWriters writers,
    ConversationStore conversations,
    ConversationMedia media,
    IDealerCalendars calendars,
    IConversationSettings settings,
    ConversationReplies replies,
    KeywordAnswers keywords,
    ConversationNotices notices,
    ILogger<ConsumerMessageHandler> logger) : IInboxHandler, IAcceptsCallbacks
{
    /// <summary>Followers' messages only: a WeCom member's message names the agent it was sent in.</summary>
    public static bool Accepts(CallbackMessage message) => message is TextMessage { AgentId: null } or ImageMessage { AgentId: null } or VoiceMessage { AgentId: null };

    public async Task HandleAsync(InboxEvent inboxEvent, CallbackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inboxEvent);
        if (inboxEvent.Channel != CallbackChannel.Account || inboxEvent.TargetId is not { Length: > 0 } appId
            || message is not UserMessage { FromUserName: { Length: > 0 } openId })
        {
            return;
        }

        if (await writers.FindOrAddAsync(appId, openId, cancellationToken) is not { } writer)
        {
            logger.MessageForUnlinkedAccount(appId);
            return;
        }

        // When WeLink received it, by the clock its replies are stamped with: CreateTime has whole seconds only, and a
        // message must not sort before a reply sent after it.
        var at = inboxEvent.ReceivedAt;
        var inbound = message switch
        {
            TextMessage text => new InboundMessage(Key(appId, text.MsgId), MessageKind.Text, text.Content, null, at),
            ImageMessage image => new InboundMessage(Key(appId, image.MsgId), MessageKind.Image, null, image.MediaId, at),
            VoiceMessage voice => new InboundMessage(Key(appId, voice.MsgId), MessageKind.Voice, null, voice.MediaId, at),
            _ => throw new ArgumentException($"{message.Kind} is not a consumer's message.", nameof(message)),
        };
        if (await conversations.RecordInboundAsync(writer, inbound, cancellationToken) is not { } recorded)
        {
            return;
        }

        var conversation = recorded.Conversation;
        if (recorded.Added)
        {
            logger.MessageRecorded(conversation.Id, writer.DealerId, inbound.Kind, recorded.Opened);
        }

        // What follows is done once whatever the deliveries (keys and marks), so a redelivery finishes what a failed one left.
        if (inbound.MediaId is not null)
        {
            await media.TryKeepAsync(conversation, recorded.MessageId, inbound.MediaId, cancellationToken);
        }

        // Asked even when the conversation was closed meanwhile: a reply a failed delivery left pending is settled then.
        if (inbound.Kind == MessageKind.Text)
        {
            await keywords.AnswerAsync(conversation, recorded.MessageId, inbound.Text, cancellationToken);
        }

        var calendar = await calendars.GetAsync(writer.DealerId, cancellationToken);
        var outOfHours = !calendar.IsOpenAt(inbound.At);
        if (outOfHours)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(inbound.At, calendar.TimeZone).DateTime);
            var reply = await settings.OutOfHoursReplyAsync(writer.BrandId, cancellationToken);
            ReplyInFlightException.ThrowIfInFlight(
                await replies.ReplyAsync(conversation, $"auto:out-of-hours:{conversation.Id:N}:{day:yyyy-MM-dd}", staffId: null, reply, cancellationToken));
        }

        if (conversation.NotifiedAt is null)
        {
            await notices.NewConversationAsync(conversation, inbound, outOfHours, cancellationToken);
        }
    }

    /// <summary>A MsgId is unique within the account that received it.</summary>
    private static string Key(string appId, string msgId) => $"wechat:{appId}:{msgId}";
}
