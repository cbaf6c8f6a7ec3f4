using Dapper;
using WeLink.Server.Data;

namespace WeLink.Server.Identities;

/// <summary>Reads the dealer ↔ account ↔ corp links that Onboarding writes; this feature never writes them.</summary>
public sealed class TenancyLookup(IDbConnectionFactory connections)
{
    public async Task<DealerAccount?> FindAccountOfDealerAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT d.id AS DealerId, d.brand_id AS BrandId, d.status AS DealerStatus, l.app_id AS AppId, l.status AS LinkStatus
            FROM dealers d
            LEFT JOIN official_account_links l ON l.dealer_id = d.id
            WHERE d.id = @dealerId
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DealerAccount>(
            new CommandDefinition(sql, new { dealerId }, cancellationToken: cancellationToken));
    }

    public async Task<DealerAccount?> FindAccountAsync(string appId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT l.dealer_id AS DealerId, d.brand_id AS BrandId, d.status AS DealerStatus, l.app_id AS AppId, l.status AS LinkStatus
            FROM official_account_links l
            JOIN dealers d ON d.id = l.dealer_id
            WHERE l.app_id = @appId
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DealerAccount>(
            new CommandDefinition(sql, new { appId }, cancellationToken: cancellationToken));
    }

    /// <summary>The corp's link and the member's staff row; null when no dealer linked the corp.</summary>
    public async Task<CorpMember?> FindCorpMemberAsync(string corpId, string userId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT w.dealer_id AS DealerId, d.brand_id AS BrandId, d.status AS DealerStatus, w.status AS LinkStatus,
                   s.id AS StaffId, s.status AS StaffStatus
            FROM wecom_links w
            JOIN dealers d ON d.id = w.dealer_id
            LEFT JOIN staff s ON s.corp_id = w.corp_id AND s.user_id = @userId AND s.dealer_id = w.dealer_id
            WHERE w.corp_id = @corpId
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CorpMember>(
            new CommandDefinition(sql, new { corpId, userId }, cancellationToken: cancellationToken));
    }
}
