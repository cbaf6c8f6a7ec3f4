using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Data.Dialects;
using WeLink.Server.Data.Queues;

namespace WeLink.Server.Callbacks;

/// <summary>
/// The <c>inbox</c> table: callbacks written before WeLink answers, then claimed and finished by the dispatchers through
/// its <see cref="Work"/>.
/// </summary>
public sealed class InboxStore(IDbConnectionFactory connections, TimeProvider time)
{
    public const int MaxPageSize = 200;

    private static readonly QueueTable Table = new(
        "inbox",
        "id AS Id, channel AS Channel, target_id AS TargetId, payload AS Payload, received_at AS ReceivedAt, attempts AS Attempts",
        CompletedColumn: "processed_at");

    /// <summary>Claims, completions, failures and admin retries of stored events.</summary>
    public LeasedWork<ClaimedInboxEvent> Work { get; } = new(Table, connections, time, e => e.ReceivedAt);

    /// <summary>
    /// Writes the entries in one statement, skipping each whose dedup key is already stored (or taken by an earlier
    /// entry of the same call); returns the ids of the entries this call wrote.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> AddNewAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var rows = new Rows<InboxEntry>(entries)
            .Column("id", e => e.Id)
            .Column("channel", e => CallbackChannels.Name(e.Channel))
            .Column("target", e => e.TargetId)
            .Column("dedup", e => e.DedupKey)
            .Column("kind", e => e.Kind)
            .Column("payload", e => e.Payload)
            .Column("received", e => e.ReceivedAt)
            .Column("status", e => e.Status)
            .Column("attempts", Attempts)
            .Column("locked", e => e.LockedUntil);
        var parameters = new DynamicParameters();

        // SQLite reads "ON CONFLICT" after a bare "FROM e" as a join's constraint; the WHERE ends the SELECT first.
        var sql = $"""
            {connections.Dialect.WithRows("e", rows, parameters)}
            INSERT INTO inbox (
                id, channel, target_id, dedup_key, kind, payload, received_at, status, attempts, next_attempt_at, locked_until, processed_at)
            SELECT id, channel, target, dedup, kind, payload, received, status, attempts, received, locked,
                CASE WHEN status = 'pending' THEN NULL ELSE received END
            FROM e
            WHERE TRUE
            ON CONFLICT (dedup_key) DO NOTHING
            RETURNING id
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var written = await connection.QueryAsync<Guid>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return written.ToHashSet();
    }

    /// <summary>An entry written already claimed (a ticket handled in the request) counts that delivery.</summary>
    private static int Attempts(InboxEntry entry) => entry.LockedUntil is null ? 0 : 1;

    /// <summary>Events of one status, newest first; <paramref name="page"/> counts from 1.</summary>
    public async Task<InboxPage> ListAsync(string status, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (!InboxStatus.IsKnown(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not an inbox status.");
        }

        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        const string sql = """
            SELECT id AS Id, channel AS Channel, target_id AS TargetId, kind AS Kind, status AS Status, attempts AS Attempts,
                   received_at AS ReceivedAt, next_attempt_at AS NextAttemptAt, last_error AS LastError, processed_at AS ProcessedAt
            FROM inbox
            WHERE status = @status
            ORDER BY received_at DESC, id DESC
            LIMIT @take OFFSET @skip
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<InboxEntryView>(new CommandDefinition(
            sql, new { status, take = pageSize + 1, skip = (page - 1) * pageSize }, cancellationToken: cancellationToken))).AsList();
        var hasMore = rows.Count > pageSize;
        return new InboxPage(status, page, pageSize, hasMore, hasMore ? rows[..pageSize] : rows);
    }
}
