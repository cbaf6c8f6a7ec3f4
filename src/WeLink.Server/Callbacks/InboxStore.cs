using Dapper;
using WeLink.Server.Data;
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
    public LeasedWork<ClaimedInboxEvent> Work { get; } = new(Table, connections, time);

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

        var (sql, parameters) = connections.Dialect.BindsArrays ? AsArrays(entries) : AsRows(entries);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var written = await connection.QueryAsync<Guid>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return written.ToHashSet();
    }

    /// <summary>
    /// One array per column, so every group size is the same statement (prepared once per connection) with ten
    /// parameters rather than ten per entry.
    /// </summary>
    private static (string Sql, object Parameters) AsArrays(IReadOnlyList<InboxEntry> entries)
    {
        const string sql = """
            INSERT INTO inbox (
                id, channel, target_id, dedup_key, kind, payload, received_at, status, attempts, next_attempt_at, locked_until, processed_at)
            SELECT id, channel, target, dedup, kind, payload, received, status, attempts, received, locked,
                CASE WHEN status = 'pending' THEN NULL ELSE received END
            FROM unnest(@ids, @channels, @targets, @dedups, @kinds, @payloads, @received, @statuses, @attempts, @locked)
                AS e (id, channel, target, dedup, kind, payload, received, status, attempts, locked)
            ON CONFLICT (dedup_key) DO NOTHING
            RETURNING id
            """;
        return (sql, new
        {
            ids = entries.Select(e => e.Id).ToArray(),
            channels = entries.Select(e => CallbackChannels.Name(e.Channel)).ToArray(),
            targets = entries.Select(e => e.TargetId).ToArray(),
            dedups = entries.Select(e => e.DedupKey).ToArray(),
            kinds = entries.Select(e => e.Kind).ToArray(),
            payloads = entries.Select(e => e.Payload).ToArray(),
            received = entries.Select(e => e.ReceivedAt).ToArray(),
            statuses = entries.Select(e => e.Status).ToArray(),
            attempts = entries.Select(Attempts).ToArray(),
            locked = entries.Select(e => e.LockedUntil).ToArray(),
        });
    }

    /// <summary>One VALUES row per entry, where arrays cannot be bound.</summary>
    private static (string Sql, object Parameters) AsRows(IReadOnlyList<InboxEntry> entries)
    {
        var parameters = new DynamicParameters();
        var rows = new string[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            parameters.Add($"id{i}", entry.Id);
            parameters.Add($"channel{i}", CallbackChannels.Name(entry.Channel));
            parameters.Add($"target{i}", entry.TargetId);
            parameters.Add($"dedup{i}", entry.DedupKey);
            parameters.Add($"kind{i}", entry.Kind);
            parameters.Add($"payload{i}", entry.Payload);
            parameters.Add($"received{i}", entry.ReceivedAt);
            parameters.Add($"status{i}", entry.Status);
            parameters.Add($"attempts{i}", Attempts(entry));
            parameters.Add($"locked{i}", entry.LockedUntil);
            parameters.Add($"processed{i}", entry.Status == InboxStatus.Pending ? null : entry.ReceivedAt);
            rows[i] = $"(@id{i}, @channel{i}, @target{i}, @dedup{i}, @kind{i}, @payload{i}, @received{i}, @status{i}, @attempts{i}, @received{i}, @locked{i}, @processed{i})";
        }

        var sql = $"""
            INSERT INTO inbox (
                id, channel, target_id, dedup_key, kind, payload, received_at, status, attempts, next_attempt_at, locked_until, processed_at)
            VALUES {string.Join(", ", rows)}
            ON CONFLICT (dedup_key) DO NOTHING
            RETURNING id
            """;
        return (sql, parameters);
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
