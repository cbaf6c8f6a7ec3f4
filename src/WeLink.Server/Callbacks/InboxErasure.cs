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
        var distinct = identifiers.Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return 0;
        }

        // One pass over the table for all of the person's identifiers, rather than one per identifier.
        var parameters = new DynamicParameters(new { now = time.GetUtcNow() });
        for (var i = 0; i < distinct.Count; i++)
        {
            parameters.Add($"identifier{i}", distinct[i]);
        }

        var mentions = string.Join(" OR ", distinct.Select((_, i) => connections.Dialect.Contains("payload", $"@identifier{i}")));
        var sql = $"""
            UPDATE inbox SET payload = '', dedup_key = 'erased|' || id, last_error = NULL, processed_at = COALESCE(processed_at, @now),
                status = CASE WHEN status = '{InboxStatus.Done}' THEN status ELSE '{InboxStatus.Ignored}' END
            WHERE {mentions}
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
