using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Tenancy;

/// <summary>
/// Dealers, always read within a <see cref="TenantScope"/>: a platform admin reaches every dealer, an HQ
/// admin the brand's dealers, a dealer admin (or staff, or a consumer) one dealer. A dealer outside the
/// scope reads as missing, so callers answer 404 and ids cannot be probed.
/// </summary>
public sealed class DealerStore(IDbConnectionFactory connections, TimeProvider time)
{
    private const string Columns = """
        id AS Id, brand_id AS BrandId, region_id AS RegionId, code AS Code, name AS Name, status AS Status,
        created_at AS CreatedAt, updated_at AS UpdatedAt, version AS Version
        """;

    /// <summary>The dealer, or null when it does not exist or lies outside the scope (the caller cannot tell which).</summary>
    public async Task<Dealer?> FindAsync(TenantScope scope, Guid dealerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        const string sql = $"SELECT {Columns} FROM dealers WHERE id = @dealerId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var dealer = await connection.QuerySingleOrDefaultAsync<Dealer>(new CommandDefinition(sql, new { dealerId }, cancellationToken: cancellationToken));
        return dealer is not null && scope.Reaches(dealer.BrandId, dealer.Id) ? dealer : null;
    }

    /// <summary>The brand's dealers that the scope reaches (a dealer admin sees only their own), by name.</summary>
    public async Task<IReadOnlyList<Dealer>> ListAsync(TenantScope scope, Guid brandId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        const string sql = $"""
            SELECT {Columns} FROM dealers
            WHERE brand_id = @brandId AND (@allBrands OR brand_id = @scopeBrand) AND (@allDealers OR id = @scopeDealer)
            ORDER BY name, code
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var dealers = await connection.QueryAsync<Dealer>(new CommandDefinition(sql, ScopeParameters.For(scope, new { brandId }), cancellationToken: cancellationToken));
        return [.. dealers];
    }

    /// <summary>Creates a pending dealer; null when the brand already has a dealer with that code.</summary>
    public async Task<Dealer?> CreateAsync(TenantScope scope, NewDealer request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        if (!scope.Reaches(request.BrandId) || scope.DealerId is not null)
        {
            throw new InvalidOperationException("Only the brand's HQ or a platform admin creates dealers.");
        }

        var now = time.GetUtcNow();
        var dealer = new Dealer
        {
            Id = Guid.CreateVersion7(),
            BrandId = request.BrandId,
            RegionId = request.RegionId,
            Code = request.Code.Trim(),
            Name = request.Name.Trim(),
            Status = DealerStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        const string sql = """
            INSERT INTO dealers (id, brand_id, region_id, code, name, status, created_at, updated_at, version)
            VALUES (@Id, @BrandId, @RegionId, @Code, @Name, @Status, @CreatedAt, @UpdatedAt, @Version)
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, dealer, cancellationToken: cancellationToken));
            return dealer;
        }
        catch (Exception e) when (DbErrors.IsUniqueViolation(e))
        {
            return null;
        }
    }

    /// <summary>
    /// Applies an HQ transition if the dealer is still at <paramref name="expectedVersion"/>: the update
    /// matches on id and version, so of two admins acting on the same version exactly one wins.
    /// </summary>
    public async Task<DealerChange> ChangeAsync(
        TenantScope scope, Guid dealerId, DealerTransition transition, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var dealer = await FindAsync(scope, dealerId, cancellationToken);
        if (dealer is null)
        {
            return new DealerChange(DealerChangeOutcome.NotFound, null);
        }

        if (dealer.Version != expectedVersion)
        {
            return new DealerChange(DealerChangeOutcome.VersionConflict, dealer);
        }

        if (!transition.AppliesTo(dealer))
        {
            return new DealerChange(DealerChangeOutcome.NotAllowed, dealer);
        }

        const string sql = """
            UPDATE dealers SET status = @to, updated_at = @now, version = version + 1
            WHERE id = @dealerId AND version = @expectedVersion AND status = @from
            """;
        var now = time.GetUtcNow();
        await using (var connection = await connections.OpenConnectionAsync(cancellationToken))
        {
            var updated = await connection.ExecuteAsync(new CommandDefinition(
                sql, new { to = transition.To, from = transition.From, now, dealerId, expectedVersion }, cancellationToken: cancellationToken));
            if (updated == 0)
            {
                return new DealerChange(DealerChangeOutcome.VersionConflict, await FindAsync(scope, dealerId, cancellationToken));
            }
        }

        return new DealerChange(DealerChangeOutcome.Changed, dealer with { Status = transition.To, UpdatedAt = now, Version = expectedVersion + 1 });
    }
}
