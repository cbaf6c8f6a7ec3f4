using Dapper;
using WeLink.Server.Data;
using WeLink.Wechat.Http;
using WeLink.Wechat.OfficialAccount;
using WeLink.Wechat.OfficialAccount.Models;
using WeLink.Wechat.Tokens;

namespace WeLink.Server.Conversations;

/// <summary>
/// The <c>conversation_media</c> table: a consumer's picture or voice, fetched from WeChat's media API with the dealer
/// account's token once and kept, since WeChat keeps temporary media only 3 days. The message handler fetches it as the
/// message arrives; a fetch that failed then is tried again when staff first open it.
/// </summary>
public sealed class ConversationMedia(IDbConnectionFactory connections, OfficialAccountClient accounts, TimeProvider time, ILogger<ConversationMedia> logger)
{
    /// <summary>Fetches and keeps the message's media unless kept already; a failure is logged, not thrown.</summary>
    public async Task TryKeepAsync(ConversationRow conversation, Guid messageId, string mediaId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (await FindAsync(messageId, cancellationToken) is null)
        {
            await FetchAsync(conversation, messageId, mediaId, cancellationToken);
        }
    }

    /// <summary>The message's media, fetched now if it was not kept yet; null when WeChat cannot give it (any more).</summary>
    public async Task<MediaFile?> GetAsync(ConversationRow conversation, ConversationMessageRow message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(message);
        if (message.MediaId is null)
        {
            return null;
        }

        return await FindAsync(message.Id, cancellationToken) ?? await FetchAsync(conversation, message.Id, message.MediaId, cancellationToken);
    }

    private async Task<MediaFile?> FetchAsync(ConversationRow conversation, Guid messageId, string mediaId, CancellationToken cancellationToken)
    {
        MediaFile file;
        try
        {
            file = await accounts.GetMediaAsync(conversation.AppId, mediaId, cancellationToken);
        }
        catch (WechatApiException e)
        {
            logger.MediaNotFetched(conversation.Id, messageId, $"{e.ApiPath} answered errcode {e.Errcode}");
            return null;
        }
        catch (AuthorizationLostException)
        {
            logger.MediaNotFetched(conversation.Id, messageId, "the account withdrew its authorization");
            return null;
        }
        catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.MediaNotFetched(conversation.Id, messageId, "WeChat could not be reached");
            return null;
        }

        await KeepAsync(messageId, file, cancellationToken);
        return file;
    }

    /// <summary>Keeps the message's media as fetched; the first copy kept stays.</summary>
    public async Task KeepAsync(Guid messageId, MediaFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        const string sql = """
            INSERT INTO conversation_media (message_id, content_type, bytes, fetched_at)
            VALUES (@messageId, @contentType, @bytes, @fetchedAt)
            ON CONFLICT (message_id) DO NOTHING
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql, new { messageId, contentType = file.ContentType, bytes = file.Bytes.ToArray(), fetchedAt = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    private async Task<MediaFile?> FindAsync(Guid messageId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT content_type AS ContentType, bytes AS Bytes FROM conversation_media WHERE message_id = @messageId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var kept = await connection.QuerySingleOrDefaultAsync<KeptMedia>(new CommandDefinition(sql, new { messageId }, cancellationToken: cancellationToken));
        return kept is null ? null : new MediaFile(kept.Bytes, kept.ContentType);
    }

    private sealed record KeptMedia(string ContentType, byte[] Bytes);
}
