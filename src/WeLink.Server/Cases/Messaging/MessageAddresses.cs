using Dapper;
using WeLink.Server.Data;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// Where a case's messages go: the consumer's openid in the dealer's own account, the dealer's corp and agent, and its
/// staff by role or as the case's assignee.
/// </summary>
public sealed class MessageAddresses(IDbConnectionFactory connections)
{
    /// <summary>The consumer's openid and the appid of the dealer account that knows it, while that account is linked.</summary>
    public async Task<ConsumerAddress?> ConsumerAsync(Guid consumerId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT l.app_id AS AppId, c.open_id AS OpenId
            FROM consumers c JOIN official_account_links l ON l.dealer_id = c.dealer_id AND l.app_id = c.app_id
            WHERE c.id = @consumerId AND l.status = 'active'
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ConsumerAddress>(new CommandDefinition(sql, new { consumerId }, cancellationToken: cancellationToken));
    }

    public async Task<CorpAddress?> CorpAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT corp_id AS CorpId, agent_id AS AgentId FROM wecom_links WHERE dealer_id = @dealerId AND status = 'active'";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CorpAddress>(new CommandDefinition(sql, new { dealerId }, cancellationToken: cancellationToken));
    }

    /// <summary>The userids of the dealer's active staff holding any of <paramref name="roles"/>.</summary>
    public async Task<IReadOnlyList<string>> UserIdsInRolesAsync(Guid dealerId, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var sql = $"""
            SELECT DISTINCT s.user_id FROM staff s JOIN staff_roles r ON r.staff_id = s.id
            WHERE s.dealer_id = @dealerId AND s.status = 'active' AND {SqlLists.IsIn(connection, "r.role", "@roles")}
            ORDER BY s.user_id
            """;
        var rows = await connection.QueryAsync<string>(new CommandDefinition(sql, new { dealerId, roles = roles.ToArray() }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The userid of the case's assignee now (not when the step was written) while they are active; null when the case sits with a role.</summary>
    public async Task<string?> AssigneeUserIdAsync(Guid caseId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT s.user_id FROM cases c JOIN staff s ON s.id = c.assignee_staff_id
            WHERE c.id = @caseId AND s.status = 'active'
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql, new { caseId }, cancellationToken: cancellationToken));
    }
}

public sealed record ConsumerAddress(string AppId, string OpenId);

public sealed record CorpAddress(string CorpId, long AgentId);
