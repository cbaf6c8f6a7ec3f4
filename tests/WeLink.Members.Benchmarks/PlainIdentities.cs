using Dapper;
using Npgsql;

namespace WeLink.Members.Benchmarks;

/// <summary>
/// The baseline: the same statements as Members' resolve and link, written straight with Dapper on a pooled connection,
/// with no retry, no merge check and no abstraction.
/// </summary>
public sealed class PlainIdentities(NpgsqlDataSource dataSource)
{
    public async Task<Guid?> FindAsync(Guid brandId, string kind, string scope, string subject)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<Guid?>(
            "SELECT member_id FROM member_identities WHERE brand_id = @brandId AND kind = @kind AND scope = @scope AND subject = @subject",
            new { brandId, kind, scope, subject });
    }

    public async Task LinkAsync(Guid brandId, Guid dealerId, string kind, string scope, string subject, string unionId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var holders = (await connection.QueryAsync<(string Kind, Guid MemberId)>(
            """
            SELECT kind, member_id FROM member_identities
            WHERE brand_id = @brandId AND ((kind = @kind AND scope = @scope AND subject = @subject) OR (kind = 'unionid' AND scope = '' AND subject = @unionId))
            """,
            new { brandId, kind, scope, subject, unionId })).ToList();
        var memberId = holders.Single(h => h.Kind == "unionid").MemberId;
        var now = DateTimeOffset.UtcNow;
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            "UPDATE members SET updated_at = @now WHERE id = @memberId AND brand_id = @brandId AND status IN ('known', 'member')",
            new { now, memberId, brandId },
            transaction);
        await connection.ExecuteAsync(
            """
            INSERT INTO member_identities (id, brand_id, member_id, kind, scope, subject, dealer_id, consumer_id, linked_by, linked_at)
            VALUES (@id, @brandId, @memberId, @kind, @scope, @subject, @dealerId, NULL, 'unionid', @now)
            ON CONFLICT (brand_id, kind, scope, subject) DO NOTHING
            """,
            new { id = Guid.CreateVersion7(), brandId, memberId, kind, scope, subject, dealerId, now },
            transaction);
        await transaction.CommitAsync();
    }
}
