using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Data.Queues;

namespace WeLink.Server.Identities.Contacts;

/// <summary>A queued conversion as its claimer reads it (properties, not a constructor: each provider gives ids and counts its own types).</summary>
public sealed class ContactConversionItem
{
    public Guid Id { get; init; }

    public Guid BrandId { get; init; }

    public Guid DealerId { get; init; }

    public string AppId { get; init; } = "";

    public string OpenId { get; init; } = "";

    public string UnionId { get; init; } = "";

    public int Attempts { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A conversion whose pending_id a new contact of the corp gave back.</summary>
public sealed class PendingConversion
{
    public Guid Id { get; init; }

    public string UnionId { get; init; } = "";
}

/// <summary>
/// The <c>contact_conversions</c> table: unionids waiting to be converted in a dealer's corp (<see cref="Work"/>), and
/// what WeCom answered. Queueing is one insert that a repeat leaves alone, cheap enough for the follow path.
/// </summary>
public sealed class ContactConversionStore(IDbConnectionFactory connections, TimeProvider time)
{
    public const string Contact = "contact";
    public const string Pending = "pending";
    public const string Refused = "refused";
    public const string NoCorp = "no_corp";

    private static readonly QueueTable Table = new(
        "contact_conversions",
        """
        id AS Id, brand_id AS BrandId, dealer_id AS DealerId, app_id AS AppId, open_id AS OpenId, union_id AS UnionId, attempts AS Attempts, created_at AS CreatedAt
        """,
        CompletedColumn: "completed_at");

    public LeasedWork<ContactConversionItem> Work { get; } = new(Table, connections, time, c => c.CreatedAt);

    /// <summary>Queues the unionid for the dealer's corp; false when it was queued (or converted) before.</summary>
    public async Task<bool> QueueAsync(Guid brandId, Guid dealerId, string appId, string openId, string unionId, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO contact_conversions (id, brand_id, dealer_id, app_id, open_id, union_id, status, attempts, next_attempt_at, created_at)
            VALUES (@id, @brandId, @dealerId, @appId, @openId, @unionId, 'pending', 0, @now, @now)
            ON CONFLICT (dealer_id, union_id) DO NOTHING
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new { id = Guid.CreateVersion7(), brandId, dealerId, appId, openId, unionId, now = QueueTime.Stored(time.GetUtcNow()) },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// Finishes a claimed conversion with WeCom's answer, fenced by the claimer's lease; false when the lease passed (the
    /// row is another claimer's now, who will record it).
    /// </summary>
    public async Task<bool> FinishAsync(
        Guid id, DateTimeOffset lease, string outcome, string? corpId, string? externalUserId, string? pendingId, string? error, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE contact_conversions
            SET status = 'done', outcome = @outcome, corp_id = @corpId, external_user_id = @externalUserId, pending_id = @pendingId,
                pending_expires_at = @expiresAt, last_error = @error, locked_until = NULL, completed_at = @now
            WHERE id = @id AND locked_until = @lease
            """;
        var now = QueueTime.Stored(time.GetUtcNow());
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                id,
                lease = QueueTime.Stored(lease),
                outcome,
                corpId,
                externalUserId,
                pendingId,
                expiresAt = pendingId is null ? (DateTimeOffset?)null : now + ContactLinker.PendingIdLifetime,
                error,
                now,
            },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// WeCom answered the claimed conversion with this contact: written, fenced by the lease, before the contact is linked
    /// (the row is finished after). False when the lease passed.
    /// </summary>
    public async Task<bool> FoundAsync(Guid id, DateTimeOffset lease, string corpId, string externalUserId, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE contact_conversions SET corp_id = @corpId, external_user_id = @externalUserId WHERE id = @id AND locked_until = @lease";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            sql, new { id, lease = QueueTime.Stored(lease), corpId, externalUserId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Whether WeLink holds a pending_id of the corp still valid: only then is asking WeCom about a new contact worth a call.</summary>
    public async Task<bool> HoldsPendingIdsAsync(string corpId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT COUNT(*) FROM contact_conversions
            WHERE corp_id = @corpId AND outcome = 'pending' AND pending_expires_at > @now
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            sql, new { corpId, now = time.GetUtcNow() }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The conversion that was answered with this pending_id in this corp (never another corp's), while it is valid.</summary>
    public async Task<PendingConversion?> FindPendingAsync(string corpId, string pendingId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS Id, union_id AS UnionId FROM contact_conversions
            WHERE corp_id = @corpId AND pending_id = @pendingId AND pending_expires_at > @now
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PendingConversion>(new CommandDefinition(
            sql, new { corpId, pendingId, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>The unionid a conversion found to be this contact of the corp; null when none did.</summary>
    public async Task<string?> UnionIdOfAsync(string corpId, string externalUserId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT union_id FROM contact_conversions WHERE corp_id = @corpId AND external_user_id = @externalUserId ORDER BY created_at LIMIT 1";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(sql, new { corpId, externalUserId }, cancellationToken: cancellationToken));
    }

    /// <summary>The pending conversion became this contact.</summary>
    public async Task ResolvePendingAsync(Guid id, string externalUserId, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE contact_conversions SET outcome = 'contact', external_user_id = @externalUserId WHERE id = @id";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, externalUserId }, cancellationToken: cancellationToken));
    }
}
