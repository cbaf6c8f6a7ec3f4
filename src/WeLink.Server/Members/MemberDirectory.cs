using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Members.Phones;

namespace WeLink.Server.Members;

/// <summary>Reads of members: by id (following merges to the current record), by consumer row, number or phone.</summary>
public sealed class MemberDirectory(IDbConnectionFactory connections, MemberKeys keys)
{
    internal const string Columns = """
        id AS Id, brand_id AS BrandId, home_dealer_id AS HomeDealerId, status AS Status, member_number AS MemberNumber,
        tier AS Tier, name AS Name, phone_masked AS PhoneMasked, joined_at AS JoinedAt, created_at AS CreatedAt, merged_into AS MergedInto
        """;

    /// <summary>Merges chain at most this deep before a read gives up: a loop would be a bug, not a person.</summary>
    private const int MaxMergeHops = 16;

    /// <summary>The member's current record within the brand: the one it was merged into, if it was; null for another brand's or no member.</summary>
    public async Task<MemberRecord?> GetAsync(Guid brandId, Guid memberId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM members WHERE id = @id AND brand_id = @brandId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var id = memberId;
        for (var hop = 0; hop < MaxMergeHops; hop++)
        {
            var row = await connection.QuerySingleOrDefaultAsync<MemberRecord>(new CommandDefinition(sql, new { id, brandId }, cancellationToken: cancellationToken));
            if (row is null)
            {
                return null;
            }

            if (row.Status != MemberStatus.Merged || row.MergedInto is not { } into)
            {
                return row;
            }

            id = into;
        }

        return null;
    }

    /// <summary>The member of a <c>consumers</c> row (an openid of an account or of the mini program); null when none is linked.</summary>
    public async Task<MemberRecord?> FindByConsumerAsync(Guid consumerId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {Columns} FROM members
            WHERE id = (SELECT member_id FROM member_identities WHERE consumer_id = @consumerId)
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MemberRecord>(new CommandDefinition(sql, new { consumerId }, cancellationToken: cancellationToken));
    }

    public async Task<MemberRecord?> FindByNumberAsync(Guid brandId, string memberNumber, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM members WHERE brand_id = @brandId AND member_number = @memberNumber AND status = 'member'";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MemberRecord>(new CommandDefinition(sql, new { brandId, memberNumber }, cancellationToken: cancellationToken));
    }

    /// <summary>The brand's member with this phone, in any written form; null when it is no mobile number or nobody's.</summary>
    public async Task<MemberRecord?> FindByPhoneAsync(Guid brandId, string phone, CancellationToken cancellationToken)
    {
        if (PhoneNumbers.Normalise(phone) is not { } normalised)
        {
            return null;
        }

        var phoneIndex = (await keys.OfBrandAsync(brandId, cancellationToken)).PhoneIndex(normalised);
        const string sql = $"SELECT {Columns} FROM members WHERE brand_id = @brandId AND phone_index = @phoneIndex";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MemberRecord>(new CommandDefinition(sql, new { brandId, phoneIndex }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<MemberIdentityRow>> IdentitiesAsync(Guid memberId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS Id, kind AS Kind, scope AS Scope, subject AS Subject, dealer_id AS DealerId, consumer_id AS ConsumerId,
                   linked_by AS LinkedBy, linked_at AS LinkedAt
            FROM member_identities WHERE member_id = @memberId ORDER BY linked_at, id
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<MemberIdentityRow>(new CommandDefinition(sql, new { memberId }, cancellationToken: cancellationToken))];
    }

    /// <summary>The member's id and every record merged into it, directly or through another merge (the subjects of its member processes' cases).</summary>
    public async Task<IReadOnlyList<Guid>> RecordIdsAsync(Guid memberId, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH RECURSIVE merged (id) AS (
                SELECT @memberId
                UNION
                SELECT m.id FROM members m JOIN merged ON m.merged_into = merged.id WHERE m.status = 'merged'
            )
            SELECT id FROM merged
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<Guid>(new CommandDefinition(sql, new { memberId }, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// The subjects of a member's cases: its member processes' (the record and every record merged into it) and those of
    /// the consumer rows behind its identities (complaints and other cases a consumer files).
    /// </summary>
    public static IReadOnlyList<string> CaseSubjects(IEnumerable<Guid> recordIds, IEnumerable<MemberIdentityRow> identities) =>
        [.. recordIds.Concat(identities.Select(i => i.ConsumerId).OfType<Guid>()).Select(id => id.ToString()).Distinct()];

    public async Task<IReadOnlyList<ProfileChange>> ProfileChangesAsync(Guid memberId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT field AS Field, value AS Value, source AS Source, changed_at AS ChangedAt
            FROM member_profile_changes WHERE member_id = @memberId ORDER BY changed_at, id
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<ProfileChange>(new CommandDefinition(sql, new { memberId }, cancellationToken: cancellationToken))];
    }
}
