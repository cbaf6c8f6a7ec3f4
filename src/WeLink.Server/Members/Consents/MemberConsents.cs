using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Members.Contracts;

namespace WeLink.Server.Members.Consents;

/// <summary>
/// <c>member_consents</c>: every answer is a row, never changed; the latest per purpose is in force, so withdrawing is
/// one more row, as easy as giving. Others ask through <see cref="IMemberConsents"/>.
/// </summary>
public sealed class MemberConsents(IDbConnectionFactory connections, TimeProvider time) : IMemberConsents
{
    /// <summary>Records each answer as of now; rows of one call share their time, so none shadows another.</summary>
    public async Task RecordAsync(Guid brandId, Guid memberId, IReadOnlyList<ConsentAnswer> answers, string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        const string sql = """
            INSERT INTO member_consents (id, brand_id, member_id, purpose, granted, text_version, channel, decided_at)
            VALUES (@Id, @brandId, @memberId, @Purpose, @Granted, @TextVersion, @channel, @decidedAt)
            """;
        var decidedAt = time.GetUtcNow();
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var answer in answers)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                sql,
                new { Id = Guid.CreateVersion7(decidedAt), brandId, memberId, Purpose = ConsentPurposes.Code(answer.Purpose), answer.Granted, answer.TextVersion, channel, decidedAt },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The answer in force for each purpose the member answered, in the order of <see cref="ConsentPurpose"/>.</summary>
    public async Task<IReadOnlyList<MemberConsent>> InForceAsync(Guid memberId, CancellationToken cancellationToken) =>
        [.. (await HistoryAsync(memberId, cancellationToken)).GroupBy(c => c.Purpose).Select(g => g.Last()).OrderBy(c => c.Purpose)];

    /// <summary>Every answer the member gave, oldest first.</summary>
    public async Task<IReadOnlyList<MemberConsent>> HistoryAsync(Guid memberId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT purpose AS Purpose, CASE WHEN granted THEN 1 ELSE 0 END AS Granted, text_version AS TextVersion, channel AS Channel, decided_at AS DecidedAt
            FROM member_consents WHERE member_id = @memberId ORDER BY decided_at, id
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConsentRow>(new CommandDefinition(sql, new { memberId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToConsent()).OfType<MemberConsent>()];
    }

    public async Task<bool> AllowsAsync(Guid consumerId, ConsentPurpose purpose, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT CASE WHEN c.granted THEN 1 ELSE 0 END FROM member_identities i JOIN member_consents c ON c.member_id = i.member_id
            WHERE i.consumer_id = @consumerId AND c.purpose = @purpose
            ORDER BY c.decided_at DESC, c.id DESC LIMIT 1
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var granted = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            sql, new { consumerId, purpose = ConsentPurposes.Code(purpose) }, cancellationToken: cancellationToken));
        return granted is { } answer ? answer == 1 : purpose == ConsentPurpose.Service;
    }

    private sealed class ConsentRow
    {
        public string Purpose { get; init; } = "";

        public long Granted { get; init; }

        public string TextVersion { get; init; } = "";

        public string Channel { get; init; } = "";

        public DateTimeOffset DecidedAt { get; init; }

        public MemberConsent? ToConsent() => ConsentPurposes.Parse(Purpose) is { } purpose ? new(purpose, Granted == 1, TextVersion, Channel, DecidedAt) : null;
    }
}

/// <summary>A purpose given (<see cref="Granted"/>) or withdrawn, having read the consent text of <see cref="TextVersion"/>.</summary>
public sealed record ConsentAnswer(ConsentPurpose Purpose, bool Granted, string TextVersion);
