using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Shared;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// The <c>case_messages</c> ledger: a message is claimed under its idempotency key before it is sent and marked sent after.
/// A claim is granted for a new key, and once more for a key whose earlier claim is older than the lease and never marked
/// sent (its sender crashed between the send and the mark): that is the one repeat a crash can cause, and never a second.
/// </summary>
public sealed class CaseMessageLedger(IDbConnectionFactory connections)
{
    /// <summary>How many claims a key gets: the first send, and one repeat after a crash.</summary>
    public const int MaxAttempts = 2;

    /// <summary>True when the caller may send; otherwise <see cref="FindAsync"/> says why not.</summary>
    public async Task<bool> TryClaimAsync(CaseMessageClaim claim, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        const string sql = """
            INSERT INTO case_messages (idempotency_key, case_id, channel, recipients, summary, status, attempts, claimed_at, template_id)
            VALUES (@IdempotencyKey, @CaseId, @Channel, @Recipients, @Summary, 'sending', 1, @ClaimedAt, @TemplateId)
            ON CONFLICT (idempotency_key) DO UPDATE SET attempts = case_messages.attempts + 1, claimed_at = excluded.claimed_at
            WHERE case_messages.status = 'sending' AND case_messages.attempts < @MaxAttempts AND case_messages.claimed_at < @staleBefore
            RETURNING attempts
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var attempts = await connection.QueryAsync<long>(new CommandDefinition(
            sql,
            new { claim.IdempotencyKey, claim.CaseId, claim.Channel, claim.Recipients, claim.Summary, claim.ClaimedAt, claim.TemplateId, MaxAttempts, staleBefore },
            cancellationToken: cancellationToken));
        return attempts.Any();
    }

    /// <summary>
    /// Marks the claim done: sent through the delivery's channel to its recipients (a fallback may differ from the claim's),
    /// or, when the delivery has a reason, not deliverable, which no later delivery tries again.
    /// </summary>
    public async Task MarkDoneAsync(string idempotencyKey, CaseDelivery delivery, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        // The recipient may have been erased while the message was on its way; the openid must not come back.
        const string sql = $"""
            UPDATE case_messages SET status = @status, channel = @Channel,
                recipients = CASE WHEN recipients LIKE '{Anonymised.Prefix}%' THEN recipients ELSE @Recipients END,
                reason = @Reason, sent_at = @sentAt, template_id = @TemplateId
            WHERE idempotency_key = @idempotencyKey
            """;
        var sent = delivery.Reason is null;
        await ExecuteAsync(
            sql,
            new
            {
                idempotencyKey,
                status = sent ? CaseMessage.Sent : CaseMessage.Undeliverable,
                delivery.Channel,
                delivery.Recipients,
                delivery.Reason,
                sentAt = sent ? at : (DateTimeOffset?)null,
                delivery.TemplateId,
            },
            cancellationToken);
    }

    /// <summary>
    /// Marks the subscribe message WeChat reports on delivered or failed. The send's answer carries no msgid, so the report
    /// is matched by recipient and template: the oldest such message claimed and not yet reported (WeChat reports in the
    /// order it sent; a report may come before the sender marked its row sent). The report's MsgID is kept, so a replayed
    /// report finds it and marks nothing; false when nothing matched.
    /// </summary>
    public async Task<bool> MarkReportedAsync(SubscribeDeliveryReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        const string sql = """
            UPDATE case_messages SET delivery = @delivery, delivery_error = @Error, wechat_msg_id = @MsgId, delivered_at = @At
            WHERE delivery IS NULL AND idempotency_key = (
                SELECT idempotency_key FROM case_messages
                WHERE recipients = @OpenId AND template_id = @TemplateId AND status IN ('sending', 'sent') AND delivery IS NULL
                ORDER BY claimed_at LIMIT 1)
            AND NOT EXISTS (SELECT 1 FROM case_messages WHERE recipients = @OpenId AND wechat_msg_id = @MsgId)
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new { delivery = report.Delivered ? CaseMessage.Delivered : CaseMessage.Failed, report.Error, report.MsgId, report.At, report.OpenId, report.TemplateId },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Gives a claim back after the platform refused the send, so the next delivery is a first try, not a repeat.</summary>
    public async Task ReleaseAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE case_messages SET attempts = attempts - 1 WHERE idempotency_key = @idempotencyKey AND status = 'sending' AND attempts > 1;
            DELETE FROM case_messages WHERE idempotency_key = @idempotencyKey AND status = 'sending' AND attempts = 1
            """;
        await ExecuteAsync(sql, new { idempotencyKey }, cancellationToken);
    }

    public async Task<CaseMessage?> FindAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {CaseMessage.Columns} FROM case_messages WHERE idempotency_key = @idempotencyKey";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CaseMessage>(new CommandDefinition(sql, new { idempotencyKey }, cancellationToken: cancellationToken));
    }

    /// <summary>What was sent about a case, oldest first.</summary>
    public async Task<IReadOnlyList<CaseMessage>> ListAsync(Guid caseId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {CaseMessage.Columns} FROM case_messages WHERE case_id = @caseId ORDER BY claimed_at";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<CaseMessage>(new CommandDefinition(sql, new { caseId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
