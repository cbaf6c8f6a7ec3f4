using Dapper;
using WeLink.Server.Access;
using WeLink.Server.Data;

namespace WeLink.Server.Complaints;

/// <summary>
/// Who a complaint's messages go to: the consumer's openid in the dealer's own account, the dealer's corp and agent, and
/// its staff by role. Read-only over the tenancy tables that Onboarding and Identities write; none of their public
/// lookups answers "the dealer's staff in a role" or the agent id yet, and these reads should move behind one when it does.
/// </summary>
public sealed class ComplaintParties(IDbConnectionFactory connections)
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

    /// <summary>The userid of the case's assigned staff member while they are active; null when the case sits with a role.</summary>
    public async Task<string?> AssigneeUserIdAsync(Guid caseId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT s.user_id FROM cases c JOIN staff s ON s.id = c.assignee_staff_id
            WHERE c.id = @caseId AND s.status = 'active'
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql, new { caseId }, cancellationToken: cancellationToken));
    }

    /// <summary>The dealer's active service advisor with the fewest open cases (ties: the lowest id, so the choice is stable).</summary>
    public async Task<Guid?> LeastBusyAdvisorAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT s.id FROM staff s JOIN staff_roles r ON r.staff_id = s.id AND r.role = @role
            WHERE s.dealer_id = @dealerId AND s.status = 'active'
            ORDER BY (SELECT COUNT(*) FROM cases c WHERE c.assignee_staff_id = s.id AND c.closed_at IS NULL), s.id
            LIMIT 1
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        // Read as Guid (the type handler knows SQLite's text ids); no advisor comes back as the default.
        var advisor = await connection.QuerySingleOrDefaultAsync<Guid>(
            new CommandDefinition(sql, new { dealerId, role = StaffRoles.ServiceAdvisor }, cancellationToken: cancellationToken));
        return advisor == Guid.Empty ? null : advisor;
    }
}

public sealed class ConsumerAddress
{
    public string AppId { get; init; } = "";

    public string OpenId { get; init; } = "";
}

public sealed class CorpAddress
{
    public string CorpId { get; init; } = "";

    public long AgentId { get; init; }
}
