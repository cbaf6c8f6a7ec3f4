using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Identities.Contracts;

namespace WeLink.Server.Identities;

public sealed class ConsumerDirectory(IDbConnectionFactory connections) : IConsumerDirectory
{
    private const string AddressColumns = "id AS ConsumerId, dealer_id AS DealerId, app_id AS AppId, open_id AS OpenId, union_id AS UnionId";

    public async Task<ConsumerAddress?> FindAsync(Guid consumerId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {AddressColumns} FROM consumers WHERE id = @consumerId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ConsumerAddress>(new CommandDefinition(sql, new { consumerId }, cancellationToken: cancellationToken));
    }

    public async Task<ConsumerAddress?> FindFollowerAsync(string appId, string unionId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {AddressColumns} FROM consumers WHERE app_id = @appId AND union_id = @unionId AND subscription = @following";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<ConsumerAddress>(
            new CommandDefinition(sql, new { appId, unionId, following = ConsumerSubscription.Following }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> consumerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumerIds);
        if (consumerIds.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var sql = $"SELECT id AS Id, nickname AS Nickname FROM consumers WHERE {connections.Dialect.IsIn("id", "@ids")}";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid Id, string? Nickname)>(new CommandDefinition(sql, new { ids = consumerIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => DisplayName(r.Nickname));
    }

    /// <summary>The name staff see: a consumer who only followed (snsapi_base) has no nickname, yet staff need a line to read.</summary>
    internal static string DisplayName(string? nickname) => string.IsNullOrWhiteSpace(nickname) ? "微信用户" : nickname;
}
