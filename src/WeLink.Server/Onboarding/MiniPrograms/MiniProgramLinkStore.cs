using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Onboarding.MiniPrograms;

/// <summary>The <c>brand_miniprograms</c> table: one mini program per brand, one brand per mini program.</summary>
public sealed class MiniProgramLinkStore(IDbConnectionFactory connections) : IBrandMiniPrograms
{
    private const string Columns = "brand_id AS BrandId, app_id AS AppId, nick_name AS NickName, original_id AS OriginalId, status AS Status, updated_at AS UpdatedAt";

    public async Task<BrandMiniProgram?> FindByAppIdAsync(string appId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM brand_miniprograms WHERE app_id = @appId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { appId }, cancellationToken: cancellationToken)))?.ToContract();
    }

    public async Task<BrandMiniProgram?> FindOfBrandAsync(Guid brandId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM brand_miniprograms WHERE brand_id = @brandId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { brandId }, cancellationToken: cancellationToken)))?.ToContract();
    }

    /// <summary>
    /// Binds (or restores, or replaces) the brand's mini program; false when another brand holds the appid, with
    /// nothing changed.
    /// </summary>
    public async Task<bool> SaveAsync(Guid brandId, string appId, string nickName, string originalId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO brand_miniprograms (brand_id, app_id, nick_name, original_id, status, updated_at)
            SELECT @brandId, @appId, @nickName, @originalId, 'active', @now
            WHERE NOT EXISTS (SELECT 1 FROM brand_miniprograms WHERE app_id = @appId AND brand_id <> @brandId)
            ON CONFLICT (brand_id) DO UPDATE SET app_id = excluded.app_id, nick_name = excluded.nick_name,
                original_id = excluded.original_id, status = 'active', updated_at = excluded.updated_at
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            sql, new { brandId, appId, nickName, originalId, now }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// The mini program's administrator withdrew WeLink's authorization: the link stays, withdrawn, so the brand page
    /// says what happened and authorizing the same mini program again restores it. False when no brand has it.
    /// </summary>
    public async Task<bool> WithdrawAsync(string appId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE brand_miniprograms SET status = 'withdrawn', updated_at = @now WHERE app_id = @appId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { appId, now }, cancellationToken: cancellationToken)) == 1;
    }

    private sealed record Row(Guid BrandId, string AppId, string NickName, string OriginalId, string Status, DateTimeOffset UpdatedAt)
    {
        public BrandMiniProgram ToContract() => new(BrandId, AppId, NickName, OriginalId, Status == "active", UpdatedAt);
    }
}
