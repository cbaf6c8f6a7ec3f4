using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Onboarding;

public sealed class DealerDirectory(IDbConnectionFactory connections) : IDealerDirectory
{
    public Task<LinkedDealer?> FindByAuthorizerAppIdAsync(string authorizerAppId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT dealer_id AS DealerId, status AS LinkStatus FROM official_account_links WHERE app_id = @subjectId";
        return FindDealerAsync(sql, authorizerAppId, cancellationToken);
    }

    public Task<LinkedDealer?> FindByCorpIdAsync(string corpId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT dealer_id AS DealerId, status AS LinkStatus FROM wecom_links WHERE corp_id = @subjectId";
        return FindDealerAsync(sql, corpId, cancellationToken);
    }

    public async Task<AccountLink?> ActiveAccountAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT app_id AS AppId, original_id AS OriginalId FROM official_account_links WHERE dealer_id = @dealerId AND status = 'active'";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AccountLink>(new CommandDefinition(sql, new { dealerId }, cancellationToken: cancellationToken));
    }

    public async Task<CorpLink?> ActiveCorpAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT corp_id AS CorpId, agent_id AS AgentId FROM wecom_links WHERE dealer_id = @dealerId AND status = 'active'";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CorpLink>(new CommandDefinition(sql, new { dealerId }, cancellationToken: cancellationToken));
    }

    private async Task<LinkedDealer?> FindDealerAsync(string sql, string subjectId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DealerRow>(new CommandDefinition(sql, new { subjectId }, cancellationToken: cancellationToken));
        return row is null ? null : new LinkedDealer(row.DealerId, row.LinkStatus == LinkRecord.ActiveStatus);
    }

    private sealed record DealerRow(Guid DealerId, string LinkStatus);
}
