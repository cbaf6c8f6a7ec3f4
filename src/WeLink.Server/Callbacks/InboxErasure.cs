using Dapper;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Data;

namespace WeLink.Server.Callbacks;

/// <summary>
/// Searches the payloads as text: deletion is rare and the inbox holds only the retention period's pushes, so no index
/// on payload content is worth its cost on every intake. A push a dispatcher holds at this moment may still be handled.
/// </summary>
public sealed class InboxErasure(IDbConnectionFactory connections, TimeProvider time) : IInboxErasure
{
    public async Task<int> EraseAsync(IReadOnlyCollection<string> identifiers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var sql = $"""
            UPDATE inbox SET payload = '', dedup_key = 'erased|' || id, last_error = NULL, processed_at = COALESCE(processed_at, @now),
                status = CASE WHEN status = '{InboxStatus.Done}' THEN status ELSE '{InboxStatus.Ignored}' END
            WHERE {connections.Dialect.Contains("payload", "@identifier")}
            """;
        var now = time.GetUtcNow();
        var erased = 0;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var identifier in identifiers.Where(i => i.Length > 0).Distinct(StringComparer.Ordinal))
        {
            erased += await connection.ExecuteAsync(new CommandDefinition(sql, new { identifier, now }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return erased;
    }
}
