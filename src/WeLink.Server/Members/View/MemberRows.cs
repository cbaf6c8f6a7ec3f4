using Dapper;
using System.Text;
using WeLink.Server.Data;

namespace WeLink.Server.Members.View;

/// <summary>
/// The member-owned rows the view reads, each query bounded by the brand. A merged record answers as the record it became
/// part of, and the records merged into a member are read with it, so nothing of a merge is lost from the view.
/// </summary>
public sealed class MemberRows(IDbConnectionFactory connections)
{
    /// <summary>Merges chain at most this deep; a longer chain would be a bug, and the view stops rather than loop.</summary>
    private const int MaxMergeDepth = 16;

    /// <summary>The member (the record a merged one became part of); null for another brand's or an unknown id.</summary>
    public async Task<MemberRow?> CurrentAsync(Guid brandId, Guid memberId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS Id, brand_id AS BrandId, home_dealer_id AS HomeDealerId, status AS Status, member_number AS MemberNumber,
                   tier AS Tier, name AS Name, phone_masked AS PhoneMasked, merged_into AS MergedInto, joined_at AS JoinedAt, created_at AS CreatedAt
            FROM members WHERE id = @memberId AND brand_id = @brandId
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        for (var depth = 0; depth < MaxMergeDepth; depth++)
        {
            var row = await connection.QuerySingleOrDefaultAsync<MemberRow>(new CommandDefinition(sql, new { memberId, brandId }, cancellationToken: cancellationToken));
            if (row?.MergedInto is not { } into)
            {
                return row;
            }

            memberId = into;
        }

        return null;
    }

    /// <summary>The member's id and every record merged into it (and into those), the subjects its rows and cases may carry.</summary>
    public async Task<IReadOnlyList<Guid>> RecordIdsAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var sql = $"SELECT id FROM members WHERE {connections.Dialect.IsIn("merged_into", "@ids")}";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var all = new List<Guid> { memberId };
        IReadOnlyList<Guid> frontier = [memberId];
        for (var depth = 0; depth < MaxMergeDepth && frontier.Count > 0; depth++)
        {
            frontier = [.. (await connection.QueryAsync<Guid>(new CommandDefinition(sql, new { ids = frontier.ToArray() }, cancellationToken: cancellationToken))).Except(all)];
            all.AddRange(frontier);
        }

        return all;
    }

    /// <summary>
    /// The member a dealer's WeCom external contact is (by the external_contact identity its corp gave), else the member
    /// holding one of the consumers WeCom's unionid matched; null when neither is known.
    /// </summary>
    public async Task<Guid?> FindByContactAsync(Guid brandId, Guid dealerId, string externalUserId, IReadOnlyCollection<Guid> consumerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumerIds);
        const string byContact = """
            SELECT member_id FROM member_identities
            WHERE brand_id = @brandId AND kind = 'external_contact' AND subject = @externalUserId AND dealer_id = @dealerId
            """;
        var byConsumer = $"""
            SELECT member_id FROM member_identities
            WHERE brand_id = @brandId AND {connections.Dialect.IsIn("consumer_id", "@consumers")}
            ORDER BY linked_at, id
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var contact = await connection.QueryFirstOrDefaultAsync<Guid?>(new CommandDefinition(
            byContact, new { brandId, dealerId, externalUserId }, cancellationToken: cancellationToken));
        if (contact is not null || consumerIds.Count == 0)
        {
            return contact;
        }

        return await connection.QueryFirstOrDefaultAsync<Guid?>(new CommandDefinition(
            byConsumer, new { brandId, consumers = consumerIds.ToArray() }, cancellationToken: cancellationToken));
    }

    /// <summary>The dealer's members: its home dealer is this one, or one of its identities is at this dealer.</summary>
    private const string OfDealer =
        "(m.home_dealer_id = @dealerId OR EXISTS (SELECT 1 FROM member_identities i WHERE i.member_id = m.id AND i.dealer_id = @dealerId))";

    private const string Columns = """
        m.id AS Id, m.brand_id AS BrandId, m.home_dealer_id AS HomeDealerId, m.status AS Status, m.member_number AS MemberNumber, m.tier AS Tier,
        m.name AS Name, m.phone_masked AS PhoneMasked, m.merged_into AS MergedInto, m.joined_at AS JoinedAt, m.created_at AS CreatedAt
        """;

    public async Task<bool> IsOfDealerAsync(Guid memberId, Guid dealerId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM members m WHERE m.id = @memberId AND {OfDealer}", new { memberId, dealerId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// The brand's current records (a merged one is part of another), of one dealer when <paramref name="dealerId"/> is
    /// given, whose member number is the text or whose name contains it; newest first, one page and the total.
    /// </summary>
    public async Task<(IReadOnlyList<MemberRow> Rows, long Total)> SearchAsync(
        Guid brandId, Guid? dealerId, string? text, int page, int pageSize, CancellationToken cancellationToken)
    {
        var where = new StringBuilder("WHERE m.brand_id = @brandId AND m.status <> 'merged'");
        if (dealerId is not null)
        {
            where.Append(" AND ").Append(OfDealer);
        }

        if (!string.IsNullOrEmpty(text))
        {
            where.Append(@" AND (m.member_number = @text OR m.name LIKE @pattern ESCAPE '\')");
        }

        var parameters = new
        {
            brandId,
            dealerId,
            text,
            pattern = "%" + text?.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%",
            take = pageSize,
            skip = (page - 1) * pageSize,
        };
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MemberRow>(new CommandDefinition(
            $"SELECT {Columns} FROM members m {where} ORDER BY m.created_at DESC, m.id DESC LIMIT @take OFFSET @skip", parameters, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM members m {where}", parameters, cancellationToken: cancellationToken));
        return ([.. rows], total);
    }

    public async Task<MemberParts> PartsAsync(Guid brandId, Guid memberId, CancellationToken cancellationToken)
    {
        const string identities = """
            SELECT kind AS Kind, dealer_id AS DealerId, consumer_id AS ConsumerId, linked_by AS LinkedBy, linked_at AS LinkedAt
            FROM member_identities WHERE member_id = @memberId AND brand_id = @brandId ORDER BY linked_at, id
            """;
        const string vehicles = """
            SELECT id AS Id, dealer_id AS DealerId, model AS Model, plate AS Plate, vin AS Vin, purchased_on AS PurchasedOn, created_at AS CreatedAt
            FROM member_vehicles WHERE member_id = @memberId AND brand_id = @brandId ORDER BY created_at, id
            """;
        const string consents = """
            SELECT purpose AS Purpose, granted AS Granted, text_version AS TextVersion, channel AS Channel, decided_at AS DecidedAt
            FROM member_consents WHERE member_id = @memberId AND brand_id = @brandId ORDER BY decided_at, id
            """;
        const string changes = """
            SELECT field AS Field, value AS Value, source AS Source, changed_at AS ChangedAt
            FROM member_profile_changes WHERE member_id = @memberId AND brand_id = @brandId ORDER BY changed_at, id
            """;
        const string merges = """
            SELECT id AS Id, kept_member_id AS KeptMemberId, merged_member_id AS MergedMemberId, reason AS Reason, merged_at AS MergedAt, undone_at AS UndoneAt
            FROM member_merges WHERE brand_id = @brandId AND (kept_member_id = @memberId OR merged_member_id = @memberId) ORDER BY merged_at, id
            """;
        var parameters = new { brandId, memberId };
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return new MemberParts(
            [.. await connection.QueryAsync<IdentityRow>(new CommandDefinition(identities, parameters, cancellationToken: cancellationToken))],
            [.. await connection.QueryAsync<VehicleRow>(new CommandDefinition(vehicles, parameters, cancellationToken: cancellationToken))],
            [.. await connection.QueryAsync<ConsentRow>(new CommandDefinition(consents, parameters, cancellationToken: cancellationToken))],
            [.. await connection.QueryAsync<ProfileChangeRow>(new CommandDefinition(changes, parameters, cancellationToken: cancellationToken))],
            [.. await connection.QueryAsync<MergeRow>(new CommandDefinition(merges, parameters, cancellationToken: cancellationToken))]);
    }
}

/// <summary>What the view shows besides the member row: each list oldest first.</summary>
public sealed record MemberParts(
    IReadOnlyList<IdentityRow> Identities,
    IReadOnlyList<VehicleRow> Vehicles,
    IReadOnlyList<ConsentRow> Consents,
    IReadOnlyList<ProfileChangeRow> ProfileChanges,
    IReadOnlyList<MergeRow> Merges);

public sealed class MemberRow
{
    public Guid Id { get; init; }

    public Guid BrandId { get; init; }

    public Guid HomeDealerId { get; init; }

    public string Status { get; init; } = "";

    public string? MemberNumber { get; init; }

    public string? Tier { get; init; }

    public string? Name { get; init; }

    public string? PhoneMasked { get; init; }

    public Guid? MergedInto { get; init; }

    public DateTimeOffset? JoinedAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class IdentityRow
{
    public string Kind { get; init; } = "";

    public Guid DealerId { get; init; }

    public Guid? ConsumerId { get; init; }

    public string LinkedBy { get; init; } = "";

    public DateTimeOffset LinkedAt { get; init; }
}

public sealed class VehicleRow
{
    public Guid Id { get; init; }

    public Guid DealerId { get; init; }

    public string Model { get; init; } = "";

    public string? Plate { get; init; }

    public string? Vin { get; init; }

    public string? PurchasedOn { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class ConsentRow
{
    public string Purpose { get; init; } = "";

    public bool Granted { get; init; }

    public string TextVersion { get; init; } = "";

    public string Channel { get; init; } = "";

    public DateTimeOffset DecidedAt { get; init; }
}

public sealed class ProfileChangeRow
{
    public string Field { get; init; } = "";

    public string? Value { get; init; }

    public string Source { get; init; } = "";

    public DateTimeOffset ChangedAt { get; init; }
}

public sealed class MergeRow
{
    public Guid Id { get; init; }

    public Guid KeptMemberId { get; init; }

    public Guid MergedMemberId { get; init; }

    public string Reason { get; init; } = "";

    public DateTimeOffset MergedAt { get; init; }

    public DateTimeOffset? UndoneAt { get; init; }
}
