using System.Data.Common;
using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Members.Merging;

namespace WeLink.Server.Members.Linking;

/// <summary>
/// Keeps every identity leading to its person's one record. A sighting already linked costs one indexed read; a new
/// identity locks its member's row (so a merge running at the same time is waited for, not overtaken) and inserts; two
/// writers racing on the same new person or unionid meet at the unique index and the loser looks again.
/// </summary>
public sealed class MemberLinks(IDbConnectionFactory connections, MemberMerges merges, TimeProvider time, ILogger<MemberLinks> logger) : IMemberLinks
{
    private const int Attempts = 5;

    public async Task<Guid> SeenAsync(MemberSighting sighting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sighting);
        var kind = IdentityKinds.Stored(sighting.Identity.Kind);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await TrySeenAsync(sighting, cancellationToken) is { } memberId)
                {
                    return memberId;
                }
            }
            catch (DbException e) when (attempt < Attempts && (DbErrors.IsUniqueViolation(e) || DbErrors.IsDeadlock(e) || DbErrors.IsSerializationFailure(e)))
            {
                logger.SightingRaced(kind, attempt);
            }

            if (attempt >= Attempts)
            {
                throw new InvalidOperationException($"A {kind} sighting raced other writers {Attempts} times.");
            }
        }
    }

    public async Task<Guid?> FindAsync(Guid brandId, MemberIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        const string sql = "SELECT member_id FROM member_identities WHERE brand_id = @brandId AND kind = @kind AND scope = @scope AND subject = @subject";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            sql, new { brandId, kind = IdentityKinds.Stored(identity.Kind), scope = identity.Scope, subject = identity.Subject }, cancellationToken: cancellationToken));
    }

    /// <summary>One pass in one transaction; null when a concurrent merge or link changed what it read (look again).</summary>
    private async Task<Guid?> TrySeenAsync(MemberSighting sighting, CancellationToken cancellationToken)
    {
        var identity = sighting.Identity;
        var unionId = identity.Kind == IdentityKind.UnionId ? identity.Subject : sighting.UnionId;
        var kind = IdentityKinds.Stored(identity.Kind);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var holders = (await connection.QueryAsync<(string Kind, Guid MemberId)>(new CommandDefinition(
            """
            SELECT kind, member_id FROM member_identities
            WHERE brand_id = @brandId AND ((kind = @kind AND scope = @scope AND subject = @subject) OR (kind = 'unionid' AND scope = '' AND subject = @unionId))
            """,
            new { brandId = sighting.BrandId, kind, scope = identity.Scope, subject = identity.Subject, unionId },
            cancellationToken: cancellationToken))).ToList();
        Guid? byIdentity = holders.Where(h => h.Kind == kind).Select(h => (Guid?)h.MemberId).FirstOrDefault();
        Guid? byUnion = unionId is null ? null : holders.Where(h => h.Kind == "unionid").Select(h => (Guid?)h.MemberId).FirstOrDefault();
        if (byIdentity is { } linked && (unionId is null || byUnion == linked) && sighting.Name is null)
        {
            return linked;
        }

        var now = time.GetUtcNow();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Guid memberId;
        if (byIdentity is { } a && byUnion is { } b && a != b)
        {
            if (await merges.MergeAsync(connection, transaction, sighting.BrandId, a, b, preferred: null, MergeReasons.UnionId, "system", cancellationToken) is not { } kept)
            {
                return null;
            }

            memberId = kept;
        }
        else if ((byIdentity ?? byUnion) is { } existing)
        {
            if (!await MemberMerges.LockCurrentAsync(connection, transaction, sighting.BrandId, existing, now, cancellationToken))
            {
                return null;
            }

            memberId = existing;
        }
        else
        {
            memberId = Guid.CreateVersion7();
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO members (id, brand_id, home_dealer_id, status, created_at, updated_at)
                VALUES (@memberId, @brandId, @dealerId, 'known', @now, @now)
                """,
                new { memberId, brandId = sighting.BrandId, dealerId = sighting.DealerId, now },
                transaction,
                cancellationToken: cancellationToken));
        }

        if (byIdentity is null && !await LinkAsync(connection, transaction, sighting, memberId, identity, sighting.ConsumerId, byUnion is null ? "first_sight" : "unionid", now, cancellationToken))
        {
            return null;
        }

        if (unionId is not null && byUnion is null && identity.Kind != IdentityKind.UnionId
            && !await LinkAsync(connection, transaction, sighting, memberId, MemberIdentity.UnionId(unionId), consumerId: null, "unionid", now, cancellationToken))
        {
            return null;
        }

        if (sighting.Name is { Length: > 0 } name)
        {
            await NameIfNoneAsync(connection, transaction, sighting, memberId, name, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return memberId;
    }

    private static async Task<bool> LinkAsync(
        DbConnection connection, DbTransaction transaction, MemberSighting sighting, Guid memberId, MemberIdentity identity, Guid? consumerId, string linkedBy,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO member_identities (id, brand_id, member_id, kind, scope, subject, dealer_id, consumer_id, linked_by, linked_at)
            VALUES (@id, @brandId, @memberId, @kind, @scope, @subject, @dealerId, @consumerId, @linkedBy, @now)
            ON CONFLICT (brand_id, kind, scope, subject) DO NOTHING
            """,
            new
            {
                id = Guid.CreateVersion7(),
                brandId = sighting.BrandId,
                memberId,
                kind = IdentityKinds.Stored(identity.Kind),
                scope = identity.Scope,
                subject = identity.Subject,
                dealerId = sighting.DealerId,
                consumerId,
                linkedBy,
                now,
            },
            transaction,
            cancellationToken: cancellationToken)) == 1;

    /// <summary>The name a channel knows a person by, until they give one: WeCom's contact name, kept with its source.</summary>
    private static async Task NameIfNoneAsync(
        DbConnection connection, DbTransaction transaction, MemberSighting sighting, Guid memberId, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var named = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE members SET name = @name, updated_at = @now WHERE id = @memberId AND name IS NULL",
            new { name, now, memberId },
            transaction,
            cancellationToken: cancellationToken));
        if (named == 1)
        {
            await MemberProfileHistory.RecordAsync(
                connection, transaction, sighting.BrandId, memberId, "name", name, sighting.Identity.Kind == IdentityKind.ExternalContact ? "wecom" : "wechat", now, cancellationToken);
        }
    }
}
