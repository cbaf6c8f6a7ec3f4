using Dapper;
using WeLink.Server.Data;

namespace WeLink.Server.Onboarding;

public sealed class DealerDirectory(IDbConnectionFactory connections) : IDealerDirectory
{
    public Task<LinkedDealer?> FindByAuthorizerAppIdAsync(string authorizerAppId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT d.id AS DealerId, d.brand_id AS BrandId, d.name AS DealerName, l.status AS LinkStatus, d.status AS DealerStatus
            FROM official_account_links l JOIN dealers d ON d.id = l.dealer_id WHERE l.app_id = @subjectId
            """;
        return FindDealerAsync(sql, authorizerAppId, cancellationToken);
    }

    public Task<LinkedDealer?> FindByCorpIdAsync(string corpId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT d.id AS DealerId, d.brand_id AS BrandId, d.name AS DealerName, l.status AS LinkStatus, d.status AS DealerStatus
            FROM wecom_links l JOIN dealers d ON d.id = l.dealer_id WHERE l.corp_id = @subjectId
            """;
        return FindDealerAsync(sql, corpId, cancellationToken);
    }

    public async Task<StaffIdentity?> FindStaffAsync(string corpId, string userId, CancellationToken cancellationToken)
    {
        const string staffSql = """
            SELECT s.id AS StaffId, s.dealer_id AS DealerId, d.brand_id AS BrandId, s.name, s.status
            FROM staff s JOIN dealers d ON d.id = s.dealer_id WHERE s.corp_id = @corpId AND s.user_id = @userId
            """;
        const string rolesSql = "SELECT role FROM staff_roles WHERE staff_id = @staffId ORDER BY role";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StaffRow>(new CommandDefinition(staffSql, new { corpId, userId }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var roles = await connection.QueryAsync<string>(new CommandDefinition(rolesSql, new { staffId = row.StaffId }, cancellationToken: cancellationToken));
        return new StaffIdentity(row.StaffId, row.DealerId, row.BrandId, corpId, userId, row.Name, row.Status == "active", [.. roles]);
    }

    private async Task<LinkedDealer?> FindDealerAsync(string sql, string subjectId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DealerRow>(new CommandDefinition(sql, new { subjectId }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new LinkedDealer(row.DealerId, row.BrandId, row.DealerName, row.LinkStatus == LinkRecord.ActiveStatus && row.DealerStatus == "approved");
    }

    private sealed record DealerRow(Guid DealerId, Guid BrandId, string DealerName, string LinkStatus, string DealerStatus);

    private sealed record StaffRow(Guid StaffId, Guid DealerId, Guid BrandId, string Name, string Status);
}
