using System.Text;
using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Members.Phones;

namespace WeLink.Server.Members.View;

/// <summary>
/// The member-owned rows the view reads besides <see cref="MemberDirectory"/>'s (the record, its identities and profile
/// history), each query bounded by the brand; the portal's search; which member a chat's contact is.
/// </summary>
public sealed class MemberRows(IDbConnectionFactory connections, MemberDirectory directory, MemberKeys keys)
{
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
        "(home_dealer_id = @dealerId OR EXISTS (SELECT 1 FROM member_identities i WHERE i.member_id = members.id AND i.dealer_id = @dealerId))";

    public async Task<bool> IsOfDealerAsync(Guid memberId, Guid dealerId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM members WHERE id = @memberId AND {OfDealer}", new { memberId, dealerId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// The brand's current records (a merged one is part of another), of one dealer when <paramref name="dealerId"/> is
    /// given, whose member number or mobile number (in any written form, found through the brand's phone index) is the
    /// text or whose name contains it; newest first, one page and the total.
    /// </summary>
    public async Task<(IReadOnlyList<MemberRecord> Rows, long Total)> SearchAsync(
        Guid brandId, Guid? dealerId, string? text, int page, int pageSize, CancellationToken cancellationToken)
    {
        var where = new StringBuilder("WHERE brand_id = @brandId AND status <> 'merged'");
        if (dealerId is not null)
        {
            where.Append(" AND ").Append(OfDealer);
        }

        if (!string.IsNullOrEmpty(text))
        {
            where.Append(@" AND (member_number = @text OR name LIKE @pattern ESCAPE '\' OR phone_index = @phoneIndex)");
        }

        var phoneIndex = PhoneNumbers.Normalise(text) is { } phone ? (await keys.OfBrandAsync(brandId, cancellationToken)).PhoneIndex(phone) : null;

        var parameters = new
        {
            brandId,
            dealerId,
            text,
            phoneIndex,
            pattern = "%" + text?.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%",
            take = pageSize,
            skip = (page - 1) * pageSize,
        };
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MemberRecord>(new CommandDefinition(
            $"SELECT {MemberDirectory.Columns} FROM members {where} ORDER BY created_at DESC, id DESC LIMIT @take OFFSET @skip", parameters, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM members {where}", parameters, cancellationToken: cancellationToken));
        return ([.. rows], total);
    }

    public async Task<MemberParts> PartsAsync(Guid brandId, Guid memberId, CancellationToken cancellationToken)
    {
        const string vehicles = """
            SELECT id AS Id, dealer_id AS DealerId, model AS Model, plate AS Plate, vin AS Vin, purchased_on AS PurchasedOn, created_at AS CreatedAt
            FROM member_vehicles WHERE member_id = @memberId AND brand_id = @brandId ORDER BY created_at, id
            """;
        const string consents = """
            SELECT purpose AS Purpose, granted AS Granted, text_version AS TextVersion, channel AS Channel, decided_at AS DecidedAt
            FROM member_consents WHERE member_id = @memberId AND brand_id = @brandId ORDER BY decided_at, id
            """;
        const string merges = """
            SELECT id AS Id, kept_member_id AS KeptMemberId, merged_member_id AS MergedMemberId, reason AS Reason, merged_at AS MergedAt, undone_at AS UndoneAt
            FROM member_merges WHERE brand_id = @brandId AND (kept_member_id = @memberId OR merged_member_id = @memberId) ORDER BY merged_at, id
            """;
        var parameters = new { brandId, memberId };
        var identities = await directory.IdentitiesAsync(memberId, cancellationToken);
        var changes = await directory.ProfileChangesAsync(memberId, cancellationToken);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return new MemberParts(
            identities,
            [.. await connection.QueryAsync<VehicleRow>(new CommandDefinition(vehicles, parameters, cancellationToken: cancellationToken))],
            [.. await connection.QueryAsync<ConsentRow>(new CommandDefinition(consents, parameters, cancellationToken: cancellationToken))],
            changes,
            [.. await connection.QueryAsync<MergeRow>(new CommandDefinition(merges, parameters, cancellationToken: cancellationToken))]);
    }
}

/// <summary>What the view shows besides the member row: each list oldest first.</summary>
public sealed record MemberParts(
    IReadOnlyList<MemberIdentityRow> Identities,
    IReadOnlyList<VehicleRow> Vehicles,
    IReadOnlyList<ConsentRow> Consents,
    IReadOnlyList<ProfileChange> ProfileChanges,
    IReadOnlyList<MergeRow> Merges);

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

public sealed class MergeRow
{
    public Guid Id { get; init; }

    public Guid KeptMemberId { get; init; }

    public Guid MergedMemberId { get; init; }

    public string Reason { get; init; } = "";

    public DateTimeOffset MergedAt { get; init; }

    public DateTimeOffset? UndoneAt { get; init; }
}
