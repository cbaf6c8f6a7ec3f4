using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Cases.Inbox;

/// <summary>The staff inbox. Every query is bounded by the session's dealer: another dealer's case does not exist here.</summary>
public sealed class StaffInboxStore(IDbConnectionFactory connections, TimeProvider time)
{
    private const int PageSize = 200;

    public async Task<IReadOnlyList<CaseSummary>> ListAsync(TenantScope scope, InboxView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.DealerId is not { } dealerId)
        {
            return [];
        }

        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var filter = view switch
        {
            InboxView.Mine => "AND assignee_staff_id = @staffId",
            InboxView.Role => $"AND {connections.Dialect.IsIn("assignee_role", "@roles")}",
            _ => "",
        };
        var sql = $"""
            SELECT id AS Id, definition_key AS DefinitionKey, definition_version AS DefinitionVersion, state AS State, subject_id AS SubjectId,
                   assignee_staff_id AS AssigneeStaffId, assignee_role AS AssigneeRole, sla_due_at AS DueAt, breached_at AS BreachedAt,
                   version AS Version, created_at AS CreatedAt, updated_at AS UpdatedAt
            FROM cases
            WHERE dealer_id = @dealerId AND closed_at IS NULL {filter}
            ORDER BY sla_due_at IS NULL, sla_due_at, created_at
            LIMIT {PageSize}
            """;
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            sql, new { dealerId, staffId = scope.SubjectId, roles = scope.Roles.ToArray() }, cancellationToken: cancellationToken));
        var now = time.GetUtcNow();
        return [.. rows.Select(r => new CaseSummary(
            r.Id, r.DefinitionKey, r.DefinitionVersion, r.State, r.SubjectId, r.AssigneeStaffId, r.AssigneeRole, r.DueAt,
            r.BreachedAt is not null || r.DueAt <= now, r.Version, r.CreatedAt, r.UpdatedAt))];
    }

    private sealed class SummaryRow
    {
        public Guid Id { get; init; }

        public string DefinitionKey { get; init; } = "";

        public int DefinitionVersion { get; init; }

        public string State { get; init; } = "";

        public string? SubjectId { get; init; }

        public Guid? AssigneeStaffId { get; init; }

        public string? AssigneeRole { get; init; }

        public DateTimeOffset? DueAt { get; init; }

        public DateTimeOffset? BreachedAt { get; init; }

        public long Version { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }
    }
}
