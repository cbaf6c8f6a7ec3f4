using Dapper;
using WeLink.Server.Data;

namespace WeLink.Server.Identities.Contacts;

/// <summary>A dealer corp's external contact as WeLink last recorded them.</summary>
public sealed record ExternalContactRecord(
    string CorpId,
    string ExternalUserId,
    Guid DealerId,
    string? UnionId,
    string? Name,
    IReadOnlyList<string> FollowUserIds,
    string? State,
    string Status,
    DateTimeOffset ChangedAt);

/// <summary>
/// The <c>external_contacts</c> table. Every write carries the TimeStamp of the push it comes from and is applied only
/// when no later push was applied, so replayed and reordered pushes end in the state of the newest.
/// </summary>
public sealed class ExternalContactStore(IDbConnectionFactory connections, TimeProvider time)
{
    public const string Added = "added";
    public const string Deleted = "deleted";

    /// <summary>How many times a removal is tried again when another push changed the row between its read and its write.</summary>
    private const int RemovalAttempts = 3;

    public async Task<ExternalContactRecord?> FindAsync(string corpId, string externalUserId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT corp_id AS CorpId, external_user_id AS ExternalUserId, dealer_id AS DealerId, union_id AS UnionId, name AS Name,
                   follow_user_ids AS FollowUserIds, state AS State, status AS Status, changed_at AS ChangedAt
            FROM external_contacts
            WHERE corp_id = @corpId AND external_user_id = @externalUserId
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { corpId, externalUserId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <summary>
    /// The contact as the corp has them at its ChangedAt (the push's TimeStamp): written unless a later push was
    /// applied. A state or unionid not given keeps the one recorded (the unionid comes from a conversion, never from
    /// WeCom's contact). False when the row was newer.
    /// </summary>
    public async Task<bool> RecordAsync(ExternalContactRecord contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        const string sql = """
            INSERT INTO external_contacts (corp_id, external_user_id, dealer_id, union_id, name, follow_user_ids, state, status, changed_at, updated_at)
            VALUES (@CorpId, @ExternalUserId, @DealerId, @UnionId, @Name, @FollowUserIds, @State, @Status, @ChangedAt, @now)
            ON CONFLICT (corp_id, external_user_id) DO UPDATE SET
                dealer_id = excluded.dealer_id,
                union_id = COALESCE(excluded.union_id, external_contacts.union_id),
                name = excluded.name,
                follow_user_ids = excluded.follow_user_ids,
                state = COALESCE(excluded.state, external_contacts.state),
                status = excluded.status,
                changed_at = excluded.changed_at,
                updated_at = excluded.updated_at
            WHERE excluded.changed_at >= external_contacts.changed_at
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                contact.CorpId,
                contact.ExternalUserId,
                contact.DealerId,
                contact.UnionId,
                contact.Name,
                FollowUserIds = Join(contact.FollowUserIds),
                contact.State,
                contact.Status,
                contact.ChangedAt,
                now = time.GetUtcNow(),
            },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The contact is the person of this unionid, as a conversion found (WeCom shows WeLink no contact's unionid).</summary>
    public async Task SetUnionIdAsync(string corpId, string externalUserId, string unionId, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE external_contacts SET union_id = @unionId WHERE corp_id = @corpId AND external_user_id = @externalUserId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { corpId, externalUserId, unionId }, cancellationToken: cancellationToken));
    }

    /// <summary>The corp's contacts with no unionid recorded that a push wrote at or after <paramref name="since"/>, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<string>> UnlinkedSinceAsync(string corpId, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT external_user_id FROM external_contacts
            WHERE corp_id = @corpId AND union_id IS NULL AND status = 'added' AND updated_at >= @since
            ORDER BY updated_at DESC
            LIMIT @limit
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(sql, new { corpId, since, limit }, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// The member no longer has the contact as of <paramref name="at"/>; the contact is deleted when nobody has them. False
    /// when WeLink has no row for them or a later push was applied.
    /// </summary>
    public async Task<bool> RemoveFollowerAsync(string corpId, string externalUserId, string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE external_contacts
            SET follow_user_ids = @followUserIds, status = @status, changed_at = @at, updated_at = @now
            WHERE corp_id = @corpId AND external_user_id = @externalUserId
              AND changed_at = @seenChangedAt AND follow_user_ids = @seenFollowUserIds AND changed_at <= @at
            """;
        for (var attempt = 0; attempt < RemovalAttempts; attempt++)
        {
            if (await FindAsync(corpId, externalUserId, cancellationToken) is not { } seen || seen.ChangedAt > at)
            {
                return false;
            }

            var followers = seen.FollowUserIds.Where(u => u != userId).ToList();
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                sql,
                new
                {
                    corpId,
                    externalUserId,
                    followUserIds = Join(followers),
                    status = followers.Count > 0 ? Added : Deleted,
                    at,
                    now = time.GetUtcNow(),
                    seenChangedAt = seen.ChangedAt,
                    seenFollowUserIds = Join(seen.FollowUserIds),
                },
                cancellationToken: cancellationToken));
            if (changed > 0)
            {
                return true;
            }
        }

        throw new InvalidOperationException($"External contact {externalUserId} of corp {corpId} kept changing while a removal was recorded; the push will be retried.");
    }

    // WeCom userids are letters, digits and ._-@ only, so a comma never occurs in one.
    private static string Join(IEnumerable<string> userIds) => string.Join(',', userIds);

    private sealed record Row(
        string CorpId, string ExternalUserId, Guid DealerId, string? UnionId, string? Name, string FollowUserIds, string? State, string Status, DateTimeOffset ChangedAt)
    {
        public ExternalContactRecord ToRecord() => new(
            CorpId, ExternalUserId, DealerId, UnionId, Name, FollowUserIds.Split(',', StringSplitOptions.RemoveEmptyEntries), State, Status, ChangedAt);
    }
}
