using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Onboarding.OpenPlatform;

/// <summary>The <c>open_platform_bindings</c> table: per authorized account, its open-platform account or why it has none.</summary>
public sealed class OpenPlatformBindingStore(IDbConnectionFactory connections)
{
    public async Task<OpenPlatformBinding?> FindAsync(string appId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT app_id AS AppId, open_app_id AS OpenAppId, state AS State, reason AS Reason, updated_at AS UpdatedAt
            FROM open_platform_bindings WHERE app_id = @appId
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { appId }, cancellationToken: cancellationToken));
        return row?.ToContract();
    }

    /// <summary>
    /// The brand's open-platform account: the one another of its accounts is bound to, the mini program's first (the
    /// consumers' sign-in gives its unionid), then the account bound longest.
    /// </summary>
    public async Task<string?> FindBrandOpenAppIdAsync(Guid brandId, string exceptAppId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT open_app_id FROM open_platform_bindings
            WHERE brand_id = @brandId AND app_id <> @exceptAppId AND open_app_id IS NOT NULL AND state <> 'refused'
            ORDER BY CASE WHEN dealer_id IS NULL THEN 0 ELSE 1 END, updated_at
            LIMIT 1
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(sql, new { brandId, exceptAppId }, cancellationToken: cancellationToken));
    }

    public async Task<OpenPlatformBinding> SaveAsync(
        OpenPlatformAccount account, string? openAppId, OpenPlatformBindingState state, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        const string sql = """
            INSERT INTO open_platform_bindings (app_id, brand_id, dealer_id, open_app_id, state, reason, updated_at)
            VALUES (@AppId, @BrandId, @DealerId, @openAppId, @state, @reason, @now)
            ON CONFLICT (app_id) DO UPDATE SET brand_id = excluded.brand_id, dealer_id = excluded.dealer_id,
                open_app_id = excluded.open_app_id, state = excluded.state, reason = excluded.reason, updated_at = excluded.updated_at
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql, new { account.AppId, account.BrandId, account.DealerId, openAppId, state = StateName(state), reason, now }, cancellationToken: cancellationToken));
        return new OpenPlatformBinding(account.AppId, openAppId, state, reason, now);
    }

    private static string StateName(OpenPlatformBindingState state) => state.ToString().ToLowerInvariant();

    private sealed record Row(string AppId, string? OpenAppId, string State, string? Reason, DateTimeOffset UpdatedAt)
    {
        public OpenPlatformBinding ToContract() =>
            new(AppId, OpenAppId, Enum.Parse<OpenPlatformBindingState>(State, ignoreCase: true), Reason, UpdatedAt);
    }
}
