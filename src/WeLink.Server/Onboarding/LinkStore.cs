using Dapper;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Onboarding;

/// <summary>The two link tables and the refusals: with the dealer's status in the dealer registry, everything that decides a dealer's link state.</summary>
public sealed class LinkStore(IDbConnectionFactory connections) : IAccountOriginalIds
{
    public const string OfficialAccountSide = "official_account";
    public const string WeComSide = "wecom";

    public static string SideName(LinkSide side) => side == LinkSide.OfficialAccount ? OfficialAccountSide : WeComSide;

    public async Task<LinkRecord?> FindAccountLinkAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT dealer_id AS DealerId, app_id AS SubjectId, nick_name AS SubjectName, status, status_reason AS StatusReason, updated_at AS UpdatedAt
            FROM official_account_links WHERE dealer_id = @dealerId
            """;
        return await SingleAsync(sql, new { dealerId }, cancellationToken);
    }

    public async Task<LinkRecord?> FindAccountLinkByAppIdAsync(string appId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT dealer_id AS DealerId, app_id AS SubjectId, nick_name AS SubjectName, status, status_reason AS StatusReason, updated_at AS UpdatedAt
            FROM official_account_links WHERE app_id = @appId
            """;
        return await SingleAsync(sql, new { appId }, cancellationToken);
    }

    public async Task<LinkRecord?> FindCorpLinkAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT dealer_id AS DealerId, corp_id AS SubjectId, corp_name AS SubjectName, status, status_reason AS StatusReason, updated_at AS UpdatedAt
            FROM wecom_links WHERE dealer_id = @dealerId
            """;
        return await SingleAsync(sql, new { dealerId }, cancellationToken);
    }

    public async Task<LinkRecord?> FindCorpLinkByCorpIdAsync(string corpId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT dealer_id AS DealerId, corp_id AS SubjectId, corp_name AS SubjectName, status, status_reason AS StatusReason, updated_at AS UpdatedAt
            FROM wecom_links WHERE corp_id = @corpId
            """;
        return await SingleAsync(sql, new { corpId }, cancellationToken);
    }

    /// <summary>Links made before the original id was recorded hold an empty one, which matches no push.</summary>
    public async Task<string?> FindAsync(string authorizerAppId, CancellationToken cancellationToken)
    {
        // The brand's mini program pushes to the same component message URL (its subscribe-message events).
        const string sql = """
            SELECT NULLIF(original_id, '') FROM official_account_links WHERE app_id = @authorizerAppId
            UNION ALL
            SELECT NULLIF(original_id, '') FROM brand_miniprograms WHERE app_id = @authorizerAppId
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(sql, new { authorizerAppId }, cancellationToken: cancellationToken));
    }

    /// <summary>Binds (or restores) the dealer's account; a unique violation means another dealer holds the appid.</summary>
    public async Task SaveAccountLinkAsync(
        Guid dealerId, string appId, string nickName, string originalId, IReadOnlyList<int> funcScopes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO official_account_links (dealer_id, app_id, nick_name, original_id, func_scopes, status, status_reason, updated_at)
            VALUES (@dealerId, @appId, @nickName, @originalId, @scopes, 'active', NULL, @now)
            ON CONFLICT (dealer_id) DO UPDATE SET app_id = excluded.app_id, nick_name = excluded.nick_name,
                original_id = excluded.original_id, func_scopes = excluded.func_scopes, status = 'active', status_reason = NULL,
                updated_at = excluded.updated_at
            """;
        await ExecuteAsync(sql, new { dealerId, appId, nickName, originalId, scopes = string.Join(',', funcScopes), now }, cancellationToken);
    }

    /// <summary>Suspends the account's link, keeping every row that points at it; null scopes leave the stored ones.</summary>
    public async Task SuspendAccountLinkAsync(string appId, string reason, IReadOnlyList<int>? funcScopes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE official_account_links
            SET status = 'suspended', status_reason = @reason, func_scopes = COALESCE(@scopes, func_scopes), updated_at = @now
            WHERE app_id = @appId
            """;
        await ExecuteAsync(sql, new { appId, reason, scopes = funcScopes is null ? null : string.Join(',', funcScopes), now }, cancellationToken);
    }

    public async Task SaveCorpLinkAsync(
        Guid dealerId, string corpId, string corpName, long agentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO wecom_links (dealer_id, corp_id, corp_name, agent_id, status, status_reason, updated_at)
            VALUES (@dealerId, @corpId, @corpName, @agentId, 'active', NULL, @now)
            ON CONFLICT (dealer_id) DO UPDATE SET corp_id = excluded.corp_id, corp_name = excluded.corp_name,
                agent_id = excluded.agent_id, status = 'active', status_reason = NULL, updated_at = excluded.updated_at
            """;
        await ExecuteAsync(sql, new { dealerId, corpId, corpName, agentId, now }, cancellationToken);
    }

    public async Task UpdateCorpAgentAsync(string corpId, long agentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE wecom_links SET agent_id = @agentId, updated_at = @now WHERE corp_id = @corpId";
        await ExecuteAsync(sql, new { corpId, agentId, now }, cancellationToken);
    }

    public async Task SuspendCorpLinkAsync(string corpId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE wecom_links SET status = 'suspended', status_reason = @reason, updated_at = @now WHERE corp_id = @corpId";
        await ExecuteAsync(sql, new { corpId, reason, now }, cancellationToken);
    }

    /// <summary>Deletes the dealer's link on one side, with its last refusal; the removed link, or null when there was none.</summary>
    public async Task<LinkRecord?> RemoveLinkAsync(Guid dealerId, LinkSide side, CancellationToken cancellationToken)
    {
        const string account = """
            DELETE FROM official_account_links WHERE dealer_id = @dealerId
            RETURNING dealer_id AS DealerId, app_id AS SubjectId, nick_name AS SubjectName, status, status_reason AS StatusReason, updated_at AS UpdatedAt
            """;
        const string corp = """
            DELETE FROM wecom_links WHERE dealer_id = @dealerId
            RETURNING dealer_id AS DealerId, corp_id AS SubjectId, corp_name AS SubjectName, status, status_reason AS StatusReason, updated_at AS UpdatedAt
            """;
        const string refusal = "DELETE FROM link_refusals WHERE dealer_id = @dealerId AND side = @side";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = await connection.QuerySingleOrDefaultAsync<LinkRecord>(new CommandDefinition(
            side == LinkSide.OfficialAccount ? account : corp, new { dealerId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(refusal, new { dealerId, side = SideName(side) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    public async Task RecordRefusalAsync(Guid dealerId, LinkSide side, string reason, string? subjectId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO link_refusals (dealer_id, side, reason, subject_id, refused_at) VALUES (@dealerId, @side, @reason, @subjectId, @now)
            ON CONFLICT (dealer_id, side) DO UPDATE SET reason = excluded.reason, subject_id = excluded.subject_id, refused_at = excluded.refused_at
            """;
        await ExecuteAsync(sql, new { dealerId, side = SideName(side), reason, subjectId, now }, cancellationToken);
    }

    public async Task ClearRefusalAsync(Guid dealerId, LinkSide side, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM link_refusals WHERE dealer_id = @dealerId AND side = @side";
        await ExecuteAsync(sql, new { dealerId, side = SideName(side) }, cancellationToken);
    }

    public async Task<IReadOnlyList<RefusalRecord>> RefusalsAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT side, reason, subject_id AS SubjectId, refused_at AS RefusedAt FROM link_refusals WHERE dealer_id = @dealerId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RefusalRecord>(new CommandDefinition(sql, new { dealerId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    private async Task<LinkRecord?> SingleAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<LinkRecord>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
