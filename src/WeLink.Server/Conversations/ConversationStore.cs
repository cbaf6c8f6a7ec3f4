using System.Data.Common;
using Dapper;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;
using WeLink.Server.Identities.Contracts;

namespace WeLink.Server.Conversations;

/// <summary>
/// The <c>conversations</c> and <c>conversation_messages</c> tables. Every message is written once per idempotency key
/// (a consumer's by account and MsgId, a staff member's by their Idempotency-Key), so a replayed push or a double tap
/// adds nothing; a consumer's message lands in their open conversation with the dealer, opening one when there is none.
/// </summary>
public sealed class ConversationStore(IDbConnectionFactory connections, TimeProvider time)
{
    private const string ConversationColumns = """
        id AS Id, brand_id AS BrandId, dealer_id AS DealerId, consumer_id AS ConsumerId, app_id AS AppId, open_id AS OpenId,
        status AS Status, opened_at AS OpenedAt, last_inbound_at AS LastInboundAt, last_message_at AS LastMessageAt,
        waiting_since AS WaitingSince, notified_at AS NotifiedAt, last_invitation_at AS LastInvitationAt, case_id AS CaseId,
        case_key AS CaseKey, closed_at AS ClosedAt
        """;

    private const string MessageColumns = """
        id AS Id, conversation_id AS ConversationId, direction AS Direction, kind AS Kind, text AS Text, media_id AS MediaId,
        staff_id AS StaffId, delivery AS Delivery, at AS At
        """;

    /// <summary>
    /// Records a consumer's message in their open conversation with the writer's dealer (opened when there is none). A
    /// message recorded before (a redelivered push) changes nothing and comes back with <see cref="InboundRecorded.Added"/>
    /// false, so what follows it can finish what a failed delivery left undone; null when another delivery of the same push
    /// is recording it right now.
    /// </summary>
    public async Task<InboundRecorded?> RecordInboundAsync(AccountWriter writer, InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(message);
        const string known = "SELECT id AS MessageId, conversation_id AS ConversationId FROM conversation_messages WHERE idempotency_key = @key";
        const string open = """
            INSERT INTO conversations (id, brand_id, dealer_id, consumer_id, app_id, open_id, status, opened_at, last_inbound_at, last_message_at)
            VALUES (@id, @brandId, @dealerId, @consumerId, @appId, @openId, 'open', @at, @at, @at)
            ON CONFLICT DO NOTHING
            """;
        const string touch = """
            UPDATE conversations
            SET last_inbound_at = CASE WHEN last_inbound_at > @at THEN last_inbound_at ELSE @at END,
                last_message_at = CASE WHEN last_message_at > @at THEN last_message_at ELSE @at END,
                waiting_since = COALESCE(waiting_since, @at)
            WHERE id = @id
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.QuerySingleOrDefaultAsync<KnownMessage>(new CommandDefinition(known, new { key = message.Key }, transaction, cancellationToken: cancellationToken)) is { } earlier)
        {
            var its = await connection.QuerySingleAsync<ConversationRow>(new CommandDefinition(
                $"SELECT {ConversationColumns} FROM conversations WHERE id = @id", new { id = earlier.ConversationId }, transaction, cancellationToken: cancellationToken));
            return new InboundRecorded(its, earlier.MessageId, Opened: false, Added: false);
        }

        var opened = await connection.ExecuteAsync(new CommandDefinition(
            open,
            new
            {
                id = Guid.CreateVersion7(),
                brandId = writer.BrandId,
                dealerId = writer.DealerId,
                consumerId = writer.ConsumerId,
                appId = writer.AppId,
                openId = writer.OpenId,
                at = message.At,
            },
            transaction,
            cancellationToken: cancellationToken)) == 1;
        var conversation = await FindOpenAsync(connection, transaction, writer.DealerId, writer.ConsumerId, cancellationToken)
            ?? throw new InvalidOperationException("The consumer's open conversation vanished inside the transaction that opened it.");
        var messageId = Guid.CreateVersion7();
        if (!await TryAddMessageAsync(connection, transaction, messageId, conversation.Id, message.Key, MessageDirection.In, message.Kind, message.Text, message.MediaId, null, null, message.At, cancellationToken))
        {
            // Recorded meanwhile by another delivery of the same push: that delivery carries on, this one leaves no trace.
            return null;
        }

        await connection.ExecuteAsync(new CommandDefinition(touch, new { id = conversation.Id, at = message.At }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new InboundRecorded(conversation, messageId, opened, Added: true);
    }

    /// <summary>The message of this conversation an earlier request with <paramref name="key"/> wrote; null when none did.</summary>
    public async Task<ConversationMessageRow?> FindOutboundAsync(Guid conversationId, string key, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {MessageColumns} FROM conversation_messages WHERE idempotency_key = @key AND conversation_id = @conversationId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ConversationMessageRow>(new CommandDefinition(sql, new { key, conversationId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Writes a message WeLink is about to send as pending; when the key was used before, the message it wrote comes back
    /// instead (<see cref="OutboundStarted.Replayed"/>) and nothing is written.
    /// </summary>
    public async Task<OutboundStarted> StartOutboundAsync(
        Guid conversationId, string key, string kind, string? text, Guid? staffId, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var id = Guid.CreateVersion7();
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = await TryAddMessageAsync(
            connection, transaction, id, conversationId, key, MessageDirection.Out, kind, text, null, staffId, MessageDelivery.Pending, at, cancellationToken);
        var message = await connection.QuerySingleAsync<ConversationMessageRow>(new CommandDefinition(
            $"SELECT {MessageColumns} FROM conversation_messages WHERE idempotency_key = @key", new { key }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new OutboundStarted(message, Replayed: !added);
    }

    /// <summary>
    /// Takes over an outgoing message left pending since before <paramref name="abandonedBefore"/>, restamped
    /// <paramref name="at"/>; false when it was sent, failed or taken over meanwhile, so two takers send it once.
    /// </summary>
    public async Task<bool> TryTakeOverOutboundAsync(Guid messageId, DateTimeOffset at, DateTimeOffset abandonedBefore, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE conversation_messages SET at = @at WHERE id = @messageId AND delivery = 'pending' AND at < @abandonedBefore";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { messageId, at, abandonedBefore }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>How the send went. A staff member's sent reply answers the consumer: nothing waits any more (WeLink's own replies do not).</summary>
    public async Task FinishOutboundAsync(ConversationMessageRow message, string delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        const string mark = "UPDATE conversation_messages SET delivery = @delivery WHERE id = @id";
        const string sent = """
            UPDATE conversations
            SET waiting_since = CASE WHEN @answers THEN NULL ELSE waiting_since END,
                last_message_at = CASE WHEN last_message_at > @at THEN last_message_at ELSE @at END
            WHERE id = @conversationId
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(mark, new { id = message.Id, delivery }, transaction, cancellationToken: cancellationToken));
        if (delivery == MessageDelivery.Sent)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                sent,
                new { conversationId = message.ConversationId, at = message.At, answers = message.Kind == MessageKind.Text && message.StaffId is not null },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the conversation's one invitation of the day: false when one was sent since <paramref name="notBefore"/>.
    /// Taken before sending, so two staff members inviting at once send one.
    /// </summary>
    public async Task<bool> TryTakeInvitationAsync(Guid conversationId, DateTimeOffset at, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE conversations SET last_invitation_at = @at
            WHERE id = @conversationId AND (last_invitation_at IS NULL OR last_invitation_at <= @notBefore)
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { conversationId, at, notBefore }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Gives back an invitation that was not sent, so the day's one is still there.</summary>
    public async Task GiveBackInvitationAsync(Guid conversationId, DateTimeOffset? previous, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE conversations SET last_invitation_at = @previous WHERE id = @conversationId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { conversationId, previous }, cancellationToken: cancellationToken));
    }

    /// <summary>Removes a message WeChat refused outright (outside the window): nothing was sent, so nothing stays.</summary>
    public async Task DropAsync(Guid messageId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM conversation_messages WHERE id = @messageId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { messageId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The write, in the complaint filing's transaction, that marks the open conversation as filed as the new case under
    /// the staff request's key. It expects one row: a conversation filed or closed meanwhile refuses the whole filing.
    /// </summary>
    public static CaseWrite FiledAs(Guid conversationId, StartedCase filed, string key)
    {
        ArgumentNullException.ThrowIfNull(filed);
        const string sql = "UPDATE conversations SET case_id = @caseId, case_key = @key WHERE id = @conversationId AND case_id IS NULL AND status = 'open'";
        return new CaseWrite(sql, new { conversationId, caseId = filed.CaseId, key }) { ExpectedRows = 1 };
    }

    /// <summary>The conversation a complaint was filed from; null for a complaint filed otherwise.</summary>
    public async Task<ConversationRow?> FindByCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {ConversationColumns} FROM conversations WHERE case_id = @caseId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ConversationRow>(new CommandDefinition(sql, new { caseId }, cancellationToken: cancellationToken));
    }

    /// <summary>The conversation when it is <paramref name="dealerId"/>'s; null otherwise.</summary>
    public async Task<ConversationRow?> FindAsync(Guid id, Guid dealerId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {ConversationColumns} FROM conversations WHERE id = @id AND dealer_id = @dealerId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ConversationRow>(new CommandDefinition(sql, new { id, dealerId }, cancellationToken: cancellationToken));
    }

    /// <summary>The dealer's conversations, only the open ones unless <paramref name="includeClosed"/>.</summary>
    public async Task<IReadOnlyList<ConversationRow>> ListAsync(Guid dealerId, bool includeClosed, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {ConversationColumns} FROM conversations
            WHERE dealer_id = @dealerId AND (@includeClosed OR status = 'open')
            ORDER BY last_message_at DESC
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<ConversationRow>(new CommandDefinition(sql, new { dealerId, includeClosed }, cancellationToken: cancellationToken))];
    }

    /// <summary>The conversation's messages, oldest first.</summary>
    public async Task<IReadOnlyList<ConversationMessageRow>> MessagesAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {MessageColumns} FROM conversation_messages WHERE conversation_id = @conversationId ORDER BY at, id";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<ConversationMessageRow>(new CommandDefinition(sql, new { conversationId }, cancellationToken: cancellationToken))];
    }

    /// <summary>The newest message of each of the conversations, by conversation.</summary>
    public async Task<IReadOnlyDictionary<Guid, ConversationMessageRow>> LastMessagesAsync(IReadOnlyCollection<Guid> conversationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationIds);
        if (conversationIds.Count == 0)
        {
            return new Dictionary<Guid, ConversationMessageRow>();
        }

        var sql = $"""
            SELECT {MessageColumns} FROM conversation_messages m
            WHERE {connections.Dialect.IsIn("m.conversation_id", "@ids")}
              AND m.at = (SELECT MAX(x.at) FROM conversation_messages x WHERE x.conversation_id = m.conversation_id)
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConversationMessageRow>(new CommandDefinition(sql, new { ids = conversationIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.ConversationId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!);
    }

    /// <summary>Closes the conversation; false when it was closed already.</summary>
    public async Task<bool> CloseAsync(Guid id, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE conversations SET status = 'closed', closed_at = @at WHERE id = @id AND status = 'open'";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, at = time.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Takes the telling of the conversation's duty role; false when it was taken before.</summary>
    public async Task<bool> TryTakeNoticeAsync(Guid id, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE conversations SET notified_at = @at WHERE id = @id AND notified_at IS NULL";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, at = time.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Gives back a telling that failed, so the next delivery of the message tells them.</summary>
    public async Task GiveBackNoticeAsync(Guid id, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE conversations SET notified_at = NULL WHERE id = @id";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
    }

    private static Task<ConversationRow?> FindOpenAsync(
        DbConnection connection, DbTransaction transaction, Guid dealerId, Guid consumerId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {ConversationColumns} FROM conversations WHERE dealer_id = @dealerId AND consumer_id = @consumerId AND status = 'open'";
        return connection.QuerySingleOrDefaultAsync<ConversationRow>(new CommandDefinition(sql, new { dealerId, consumerId }, transaction, cancellationToken: cancellationToken));
    }

    private static async Task<bool> TryAddMessageAsync(
        DbConnection connection,
        DbTransaction transaction,
        Guid id,
        Guid conversationId,
        string key,
        string direction,
        string kind,
        string? text,
        string? mediaId,
        Guid? staffId,
        string? delivery,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO conversation_messages (id, conversation_id, idempotency_key, direction, kind, text, media_id, staff_id, delivery, at)
            VALUES (@id, @conversationId, @key, @direction, @kind, @text, @mediaId, @staffId, @delivery, @at)
            ON CONFLICT (idempotency_key) DO NOTHING
            """;
        return await connection.ExecuteAsync(new CommandDefinition(
            sql, new { id, conversationId, key, direction, kind, text, mediaId, staffId, delivery, at }, transaction, cancellationToken: cancellationToken)) == 1;
    }
}

internal sealed record KnownMessage
{
    public required Guid MessageId { get; init; }

    public required Guid ConversationId { get; init; }
}

/// <summary>A consumer's message as the store records it; <see cref="Key"/> identifies the push (account and MsgId).</summary>
public sealed record InboundMessage(string Key, string Kind, string? Text, string? MediaId, DateTimeOffset At);

/// <summary>
/// A consumer's message recorded: its conversation (as it was before the message), whether the message opened it, and
/// whether it was added now (false for a redelivery).
/// </summary>
public sealed record InboundRecorded(ConversationRow Conversation, Guid MessageId, bool Opened, bool Added);

/// <summary>An outgoing message written as pending, or the one an earlier request with the same key wrote.</summary>
public sealed record OutboundStarted(ConversationMessageRow Message, bool Replayed);
