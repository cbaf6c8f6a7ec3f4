using System.Data.Common;
using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Identities.Contacts;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Members.Contracts;

namespace WeLink.Server.Identities;

/// <summary>
/// The <c>consumers</c> table: one row per openid of a dealer's account or of the brand's mini program (unique app_id +
/// open_id), created on first sight by sign-in or by a follow event, whichever comes first; dealer_id is the dealer the
/// consumer first came through. Every write is safe to repeat, and tells Members who was seen (after its commit: a
/// sighting Members missed is made good by the consumer's next one); a unionid it brings is queued to be converted into
/// the dealer's WeCom contact (<see cref="ContactConversionIntake"/>).
/// </summary>
public sealed class ConsumerStore(IDbConnectionFactory connections, IMemberLinks members, ContactConversionIntake conversions, TimeProvider time)
{
    /// <summary>The consumer's id for this openid of the dealer's account, created if new; the unionid and nickname are kept when given.</summary>
    public async Task<Guid> SignInAsync(
        DealerAccount account, string openId, string? unionId, string? nickname, CancellationToken cancellationToken)
    {
        var consumerId = await RecordAsync(account, openId, unionId, nickname, cancellationToken);
        await members.SeenAsync(
            new MemberSighting(account.BrandId, account.DealerId, MemberIdentity.Account(RequireAppId(account), openId), unionId, consumerId), cancellationToken);
        await conversions.QueueAsync(account, RequireAppId(account), openId, unionId, cancellationToken);
        return consumerId;
    }

    /// <summary>
    /// The consumer's id for this openid of the brand's mini program (<paramref name="miniProgram"/>'s appid), made with the
    /// dealer they first come through; the unionid is kept when given.
    /// </summary>
    public async Task<Guid> SignInToMiniProgramAsync(DealerAccount miniProgram, string openId, string? unionId, CancellationToken cancellationToken)
    {
        var consumerId = await RecordAsync(miniProgram, openId, unionId, nickname: null, cancellationToken);
        await members.SeenAsync(
            new MemberSighting(miniProgram.BrandId, miniProgram.DealerId, MemberIdentity.MiniProgram(RequireAppId(miniProgram), openId), unionId, consumerId),
            cancellationToken);
        await conversions.QueueAsync(miniProgram, RequireAppId(miniProgram), openId, unionId, cancellationToken);
        return consumerId;
    }

    private async Task<Guid> RecordAsync(DealerAccount account, string openId, string? unionId, string? nickname, CancellationToken cancellationToken)
    {
        var appId = RequireAppId(account);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertIfNewAsync(connection, transaction, account, openId, cancellationToken);
        await UpdateDetailsAsync(connection, transaction, appId, openId, unionId, nickname, scene: null, cancellationToken);
        var id = await IdAsync(connection, transaction, appId, openId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>The consumer with this openid of this appid (an official account or the brand's mini program); null when new.</summary>
    public async Task<Guid?> FindIdAsync(string appId, string openId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id FROM consumers WHERE app_id = @appId AND open_id = @openId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(sql, new { appId, openId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// A follow or unfollow at <paramref name="at"/>; an event older than the one that last set the
    /// subscription changes nothing, so redelivered and reordered events end in the same state. The
    /// scene (a WeLink QR scene the consumer came through) is kept only if none is recorded yet.
    /// </summary>
    public async Task<Guid> RecordFollowAsync(
        DealerAccount account,
        string openId,
        bool following,
        DateTimeOffset at,
        string? scene,
        string? unionId,
        CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE consumers
            SET subscription = @subscription, subscription_changed_at = @at, updated_at = @now
            WHERE app_id = @appId AND open_id = @openId
              AND (subscription_changed_at IS NULL OR subscription_changed_at <= @at)
            """;
        var appId = RequireAppId(account);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertIfNewAsync(connection, transaction, account, openId, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                appId,
                openId,
                at,
                now = time.GetUtcNow(),
                subscription = following ? ConsumerSubscription.Following : ConsumerSubscription.Unfollowed,
            },
            transaction,
            cancellationToken: cancellationToken));
        await UpdateDetailsAsync(connection, transaction, appId, openId, unionId, nickname: null, scene, cancellationToken);
        var consumerId = await IdAsync(connection, transaction, appId, openId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await members.SeenAsync(new MemberSighting(account.BrandId, account.DealerId, MemberIdentity.Account(appId, openId), unionId, consumerId), cancellationToken);
        await conversions.QueueAsync(account, appId, openId, unionId, cancellationToken);
        return consumerId;
    }

    /// <summary>
    /// The session's own consumer as seen from the dealer in context: an official-account consumer only within the dealer
    /// whose account knows them; a consumer of the brand's mini program (<paramref name="miniProgramAppId"/>) is one record
    /// for the whole brand, made with the first dealer they came through, and may switch dealers, so the dealer answered
    /// is the session's. The dealer's name is the registry's to add.
    /// </summary>
    public async Task<ConsumerProfileResponse?> FindProfileAsync(
        ConsumerSession session, string dealerName, string? miniProgramAppId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string sql = """
            SELECT id AS Id, brand_id AS BrandId, dealer_id AS DealerId, @dealerName AS DealerName,
                   nickname AS Nickname, subscription AS Subscription, created_at AS Since
            FROM consumers
            WHERE id = @consumerId AND brand_id = @brandId AND (dealer_id = @dealerId OR app_id = @miniProgramAppId)
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var profile = await connection.QuerySingleOrDefaultAsync<ConsumerProfileResponse>(new CommandDefinition(
            sql,
            new { consumerId = session.ConsumerId, brandId = session.BrandId, dealerId = session.DealerId, miniProgramAppId, dealerName },
            cancellationToken: cancellationToken));
        return profile is null ? null : profile with { DealerId = session.DealerId };
    }

    private static Task<Guid> IdAsync(DbConnection connection, DbTransaction transaction, string appId, string openId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<Guid>(new CommandDefinition(
            "SELECT id FROM consumers WHERE app_id = @appId AND open_id = @openId",
            new { appId, openId },
            transaction,
            cancellationToken: cancellationToken));

    private Task<int> InsertIfNewAsync(
        DbConnection connection, DbTransaction transaction, DealerAccount account, string openId, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO consumers (id, brand_id, dealer_id, app_id, open_id, subscription, created_at, updated_at)
            VALUES (@id, @brandId, @dealerId, @appId, @openId, @subscription, @now, @now)
            ON CONFLICT (app_id, open_id) DO NOTHING
            """;
        return connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                id = Guid.CreateVersion7(),
                brandId = account.BrandId,
                dealerId = account.DealerId,
                appId = account.AppId,
                openId,
                subscription = ConsumerSubscription.Unknown,
                now = time.GetUtcNow(),
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    private Task UpdateDetailsAsync(
        DbConnection connection,
        DbTransaction transaction,
        string appId,
        string openId,
        string? unionId,
        string? nickname,
        string? scene,
        CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE consumers
            SET union_id = COALESCE(@unionId, union_id),
                nickname = COALESCE(@nickname, nickname),
                source_scene = COALESCE(source_scene, @scene),
                updated_at = @now
            WHERE app_id = @appId AND open_id = @openId
            """;
        return unionId is null && nickname is null && scene is null
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition(
                sql,
                new { appId, openId, unionId, nickname, scene, now = time.GetUtcNow() },
                transaction,
                cancellationToken: cancellationToken));
    }

    private static string RequireAppId(DealerAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.AppId ?? throw new ArgumentException($"Dealer {account.DealerId} has no official account.", nameof(account));
    }
}
