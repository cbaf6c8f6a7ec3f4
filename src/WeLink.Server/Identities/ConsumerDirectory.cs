using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Identities.Contracts;

namespace WeLink.Server.Identities;

public sealed class ConsumerDirectory(IDbConnectionFactory connections) : IConsumerDirectory
{
    public async Task<ConsumerAddress?> FindAsync(Guid consumerId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id AS ConsumerId, dealer_id AS DealerId, app_id AS AppId, open_id AS OpenId FROM consumers WHERE id = @consumerId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ConsumerAddress>(new CommandDefinition(sql, new { consumerId }, cancellationToken: cancellationToken));
    }
}
