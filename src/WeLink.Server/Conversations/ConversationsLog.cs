namespace WeLink.Server.Conversations;

/// <summary>Openids and message texts stay out of the logs; WeLink's own ids identify people and conversations.</summary>
internal static partial class ConversationsLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A consumer wrote to account {AppId}, which no dealer links; ignored")]
    public static partial void MessageForUnlinkedAccount(this ILogger logger, string appId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} of dealer {DealerId}: the consumer sent {Kind} (opened it: {Opened})")]
    public static partial void MessageRecorded(this ILogger logger, Guid conversationId, Guid dealerId, string kind, bool opened);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId}: media of message {MessageId} could not be fetched yet: {Reason}")]
    public static partial void MediaNotFetched(this ILogger logger, Guid conversationId, Guid messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId}: {What} was not delivered: {Reason}")]
    public static partial void SendFailed(this ILogger logger, Guid conversationId, string what, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId}: nobody active holds the duty role {Role}; nobody was told")]
    public static partial void NobodyOnDuty(this ILogger logger, Guid conversationId, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId}: the keyword {Keyword} answers with a mini-program card, but the brand's mini program is not authorized; not answered")]
    public static partial void KeywordCardWithoutMiniProgram(this ILogger logger, Guid conversationId, string keyword);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId}: reply {MessageId} was left pending {Age} ago by a request that died before sending it; sending it now")]
    public static partial void SendingAbandonedReply(this ILogger logger, Guid conversationId, Guid messageId, TimeSpan age);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId}: reply {MessageId} was left pending {Age} ago by a request that died before sending it, and the conversation is closed or out of WeChat's window by now; marked failed, not sent")]
    public static partial void AbandonedReplyNotSent(this ILogger logger, Guid conversationId, Guid messageId, TimeSpan age);
}
