using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Identities.Contracts;

namespace WeLink.Server.Identities;

/// <summary>
/// Anonymises consumer rows and their mini-program sessions in one transaction. The marker (<c>anonymised:</c> and the
/// row's id) keeps <c>(app_id, open_id)</c> unique and can never be an openid WeChat hands out.
/// </summary>
public sealed class ConsumerErasure(IDbConnectionFactory connections, TimeProvider time) : IConsumerErasure
{
    public const string MarkerPrefix = "anonymised:";

    public async Task AnonymiseAsync(IReadOnlyCollection<Guid> consumerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumerIds);
        var now = time.GetUtcNow();
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var consumerId in consumerIds)
        {
            var marker = MarkerPrefix + consumerId.ToString("N");
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE miniprogram_sessions SET open_id = @marker, union_id = NULL, revoked_at = COALESCE(revoked_at, @now)
                WHERE consumer_id = @consumerId
                   OR (app_id, open_id) IN (SELECT app_id, open_id FROM consumers WHERE id = @consumerId)
                """,
                new { marker, now, consumerId },
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
