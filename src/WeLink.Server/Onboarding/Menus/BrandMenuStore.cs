using System.Text.Json;
using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Onboarding.Menus;

/// <summary>One menu per brand, and the active accounts of the dealers it goes to.</summary>
public sealed class BrandMenuStore(IDbConnectionFactory connections)
{
    public async Task SaveAsync(Guid brandId, BrandMenu menu, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO brand_menus (brand_id, menu_json, updated_at) VALUES (@brandId, @json, @now)
            ON CONFLICT (brand_id) DO UPDATE SET menu_json = excluded.menu_json, updated_at = excluded.updated_at
            """;
        var json = JsonSerializer.Serialize(menu, MenuJsonContext.Default.BrandMenu);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { brandId, json, now }, cancellationToken: cancellationToken));
    }

    public async Task<BrandMenu?> FindAsync(Guid brandId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT menu_json FROM brand_menus WHERE brand_id = @brandId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql, new { brandId }, cancellationToken: cancellationToken));
        return json is null ? null : JsonSerializer.Deserialize(json, MenuJsonContext.Default.BrandMenu);
    }

    /// <summary>The active accounts of <paramref name="dealerIds"/> (a brand's dealers, as the dealer registry lists them), each with its dealer.</summary>
    public async Task<IReadOnlyList<MenuAccount>> ActiveAccountsAsync(IReadOnlyList<Guid> dealerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dealerIds);
        if (dealerIds.Count == 0)
        {
            return [];
        }

        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var sql = $"SELECT app_id AS AppId, dealer_id AS DealerId FROM official_account_links WHERE status = 'active' AND {connections.Dialect.IsIn("dealer_id", "@dealerIds")} ORDER BY app_id";
        return [.. await connection.QueryAsync<MenuAccount>(new CommandDefinition(sql, new { dealerIds = dealerIds.ToArray() }, cancellationToken: cancellationToken))];
    }
}

/// <summary>A dealer's active account, which the brand menu goes onto with the dealer in its mini-program pages.</summary>
public sealed record MenuAccount(string AppId, Guid DealerId);
