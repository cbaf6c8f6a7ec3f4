using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tenancy;

public sealed class RegionStore(IDbConnectionFactory connections)
{
    private const string Columns = "id AS Id, brand_id AS BrandId, name AS Name";

    public async Task<IReadOnlyList<Region>> ListAsync(TenantScope scope, Guid brandId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        const string sql = $"""
            SELECT {Columns} FROM regions
            WHERE brand_id = @brandId AND (@allBrands OR brand_id = @scopeBrand)
            ORDER BY name
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var regions = await connection.QueryAsync<Region>(new CommandDefinition(sql, ScopeParameters.For(scope, new { brandId }), cancellationToken: cancellationToken));
        return [.. regions];
    }

    /// <summary>The region if it belongs to <paramref name="brandId"/> and the scope reaches that brand.</summary>
    public async Task<Region?> FindAsync(TenantScope scope, Guid brandId, Guid regionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Reaches(brandId))
        {
            return null;
        }

        const string sql = $"SELECT {Columns} FROM regions WHERE id = @regionId AND brand_id = @brandId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Region>(new CommandDefinition(sql, new { regionId, brandId }, cancellationToken: cancellationToken));
    }

    /// <summary>Creates a region of a brand the scope reaches; null when the brand already has one of that name.</summary>
    public async Task<Region?> CreateAsync(TenantScope scope, Guid brandId, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Reaches(brandId) || scope.DealerId is not null)
        {
            throw new InvalidOperationException("Only the brand's HQ or a platform admin creates regions.");
        }

        var region = new Region { Id = Guid.CreateVersion7(), BrandId = brandId, Name = name.Trim() };
        const string sql = "INSERT INTO regions (id, brand_id, name) VALUES (@Id, @BrandId, @Name)";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, region, cancellationToken: cancellationToken));
            return region;
        }
        catch (Exception e) when (DbErrors.IsUniqueViolation(e))
        {
            return null;
        }
    }
}
