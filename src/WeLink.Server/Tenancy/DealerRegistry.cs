using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Tenancy;

public sealed class DealerRegistry(IDbConnectionFactory connections) : IDealerRegistry
{
    public async Task<RegisteredDealer?> FindAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id AS DealerId, brand_id AS BrandId, name AS Name, status AS Status FROM dealers WHERE id = @dealerId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<RegisteredDealer>(new CommandDefinition(sql, new { dealerId }, cancellationToken: cancellationToken));
    }

    public async Task<RegisteredDealer?> FindWithinAsync(TenantScope scope, Guid dealerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await FindAsync(dealerId, cancellationToken) is { } dealer && scope.Reaches(dealer.BrandId, dealer.DealerId) ? dealer : null;
    }

    public async Task<IReadOnlyList<RegisteredDealer>> DealersOfBrandAsync(Guid brandId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id AS DealerId, brand_id AS BrandId, name AS Name, status AS Status FROM dealers WHERE brand_id = @brandId ORDER BY id";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<RegisteredDealer>(new CommandDefinition(sql, new { brandId }, cancellationToken: cancellationToken))];
    }
}
