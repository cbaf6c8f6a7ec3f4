using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Tenancy;

/// <summary>Brands, read within a <see cref="TenantScope"/>: a platform admin sees every brand, anyone else only their own.</summary>
public sealed class BrandStore(IDbConnectionFactory connections, TimeProvider time) : IBrandDirectory
{
    private const string Columns = "id AS Id, name AS Name, created_at AS CreatedAt";

    public async Task<IReadOnlyList<Brand>> ListAsync(TenantScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        const string sql = $"SELECT {Columns} FROM brands WHERE @allBrands OR id = @scopeBrand ORDER BY name";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var brands = await connection.QueryAsync<Brand>(new CommandDefinition(sql, ScopeParameters.For(scope), cancellationToken: cancellationToken));
        return [.. brands];
    }

    /// <summary>The brand, or null when it does not exist or lies outside the scope (the caller cannot tell which).</summary>
    public async Task<Brand?> FindAsync(TenantScope scope, Guid brandId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Reaches(brandId))
        {
            return null;
        }

        const string sql = $"SELECT {Columns} FROM brands WHERE id = @brandId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Brand>(new CommandDefinition(sql, new { brandId }, cancellationToken: cancellationToken));
    }

    public async Task<bool> ExistsWithinAsync(TenantScope scope, Guid brandId, CancellationToken cancellationToken) =>
        await FindAsync(scope, brandId, cancellationToken) is not null;

    /// <summary>Creates a brand (platform scope only); null when the name is taken.</summary>
    public async Task<Brand?> CreateAsync(TenantScope scope, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsPlatform)
        {
            throw new InvalidOperationException("Only a platform admin creates brands.");
        }

        var brand = new Brand { Id = Guid.CreateVersion7(), Name = name.Trim(), CreatedAt = time.GetUtcNow() };
        const string sql = "INSERT INTO brands (id, name, created_at) VALUES (@Id, @Name, @CreatedAt)";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, brand, cancellationToken: cancellationToken));
            return brand;
        }
        catch (Exception e) when (DbErrors.IsUniqueViolation(e))
        {
            return null;
        }
    }
}
