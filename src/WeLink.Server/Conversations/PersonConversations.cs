using Dapper;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Data;
using WeLink.Server.Shared;

namespace WeLink.Server.Conversations;

public sealed class PersonConversations(IDbConnectionFactory connections) : IPersonConversations
{
    public async Task<IReadOnlyList<PersonConversation>> ListAsync(IReadOnlyCollection<Guid> consumerIds, int? latestMessages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumerIds);
        if (consumerIds.Count == 0)
        {
            return [];
        }

        var ids = consumerIds.ToArray();
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var conversations = await connection.QueryAsync<ConversationRow>(new CommandDefinition(
            $"""
            SELECT id AS Id, brand_id AS BrandId, dealer_id AS DealerId, consumer_id AS ConsumerId, app_id AS AppId, open_id AS OpenId,
                status AS Status, opened_at AS OpenedAt, last_inbound_at AS LastInboundAt, last_message_at AS LastMessageAt, closed_at AS ClosedAt
            FROM conversations WHERE {connections.Dialect.IsIn("consumer_id", "@ids")}
            ORDER BY opened_at
            """,
            new { ids },
            cancellationToken: cancellationToken));
        // Both engines number each conversation's messages newest first, so a limit is taken per conversation in the query.
        var messages = (await connection.QueryAsync<ConversationMessageRow>(new CommandDefinition(
            $"""
            SELECT Id, ConversationId, Direction, Kind, Text, At FROM (
                SELECT m.id AS Id, m.conversation_id AS ConversationId, m.direction AS Direction, m.kind AS Kind, m.text AS Text, m.at AS At,
                    ROW_NUMBER() OVER (PARTITION BY m.conversation_id ORDER BY m.at DESC, m.id DESC) AS Recency
                FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id
                WHERE {connections.Dialect.IsIn("c.consumer_id", "@ids")}) numbered
            WHERE @latestMessages IS NULL OR Recency <= @latestMessages
            ORDER BY At, Id
            """,
            new { ids, latestMessages },
            cancellationToken: cancellationToken))).ToLookup(m => m.ConversationId);
        return
        [
            .. conversations.Select(c => new PersonConversation(
                c.Id, c.DealerId, c.Status, c.OpenedAt, c.ClosedAt, [.. messages[c.Id].Select(m => new PersonConversationMessage(m.At, m.Direction, m.Kind, m.Text))])),
        ];
    }

    public async Task EraseAsync(IReadOnlyCollection<Guid> consumerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumerIds);
        if (consumerIds.Count == 0)
        {
            return;
        }

        var ids = consumerIds.ToArray();
        var ofPerson = $"SELECT id FROM conversations WHERE {connections.Dialect.IsIn("consumer_id", "@ids")}";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in (string[])[
            $"DELETE FROM conversation_media WHERE message_id IN (SELECT id FROM conversation_messages WHERE conversation_id IN ({ofPerson}))",
            $"UPDATE conversation_messages SET text = NULL, media_id = NULL WHERE conversation_id IN ({ofPerson})",
            $"UPDATE conversations SET open_id = '{Anonymised.Prefix}' || consumer_id WHERE {connections.Dialect.IsIn("consumer_id", "@ids")}",
        ])
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new { ids }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
