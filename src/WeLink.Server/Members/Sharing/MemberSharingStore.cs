using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Members.Contracts;

namespace WeLink.Server.Members.Sharing;

/// <summary>The <c>brand_member_settings</c> row of a brand: its sharing setting, <see cref="MemberSharing.Default"/> until HQ sets one.</summary>
public sealed class MemberSharingStore(IDbConnectionFactory connections, TimeProvider time) : IMemberSharingSettings
{
    public async Task<string> GetAsync(Guid brandId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var sharing = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT sharing FROM brand_member_settings WHERE brand_id = @brandId", new { brandId }, cancellationToken: cancellationToken));
        return MemberSharing.IsKnown(sharing) ? sharing! : MemberSharing.Default;
    }

    public async Task SetAsync(Guid brandId, string sharing, CancellationToken cancellationToken)
    {
        if (!MemberSharing.IsKnown(sharing))
        {
            throw new ArgumentOutOfRangeException(nameof(sharing), sharing, "Not a sharing setting.");
        }

        const string sql = """
            INSERT INTO brand_member_settings (brand_id, sharing, updated_at) VALUES (@brandId, @sharing, @now)
            ON CONFLICT (brand_id) DO UPDATE SET sharing = excluded.sharing, updated_at = excluded.updated_at
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { brandId, sharing, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }
}
