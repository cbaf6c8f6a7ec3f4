using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Shared;

namespace WeLink.Server.Identities;

/// <summary>
/// Anonymises consumer rows and their mini-program sessions in one transaction, deleting their queued or answered
/// unionid conversions and the unionid recorded on their WeCom contacts. The marker (<see cref="Anonymised"/> of the
/// row's id) keeps <c>(app_id, open_id)</c> unique and can never be an openid WeChat hands out.
/// </summary>
public sealed class ConsumerErasure(IDbConnectionFactory connections, TimeProvider time) : IConsumerErasure
{
    public async Task AnonymiseAsync(IReadOnlyCollection<Guid> consumerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumerIds);
        var now = time.GetUtcNow();
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var consumerId in consumerIds)
        {
            var marker = Anonymised.Marker(consumerId);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE miniprogram_sessions SET open_id = @marker, union_id = NULL, revoked_at = COALESCE(revoked_at, @now)
                WHERE consumer_id = @consumerId
                   OR (app_id, open_id) IN (SELECT app_id, open_id FROM consumers WHERE id = @consumerId)
                """,
                new { marker, now, consumerId },
                transaction,
                cancellationToken: cancellationToken));
            // Before the consumer's ids are gone: the conversions and contacts hold the same openid and unionid.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                DELETE FROM contact_conversions
                WHERE (app_id, open_id) IN (SELECT app_id, open_id FROM consumers WHERE id = @consumerId)
                   OR union_id IN (SELECT union_id FROM consumers WHERE id = @consumerId AND union_id IS NOT NULL)
                """,
                new { consumerId },
                transaction,
                cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE external_contacts SET union_id = NULL WHERE union_id IN (SELECT union_id FROM consumers WHERE id = @consumerId AND union_id IS NOT NULL)",
                new { consumerId },
                transaction,
                cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE consumers SET open_id = @marker, union_id = NULL, nickname = NULL, updated_at = @now WHERE id = @consumerId",
                new { marker, now, consumerId },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
