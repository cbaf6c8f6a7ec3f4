using System.Text;
using Dapper;
using WeLink.Server.Cases.Contracts;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;

namespace WeLink.Server.Cases.Admin;

/// <summary>The portal's case list: one query per page and one count, each bounded by the reader's scope first.</summary>
public sealed class CaseSearchStore(IDbConnectionFactory connections, TimeProvider time) : ICaseSearch
{
    private const int MaxPageSize = 200;

    public async Task<CaseSearchPage> SearchAsync(CaseScope scope, CaseSearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        if (scope == CaseScope.Nothing)
        {
            return new CaseSearchPage([], 0, page, pageSize);
        }

        var where = Where(scope, query);
        var parameters = new
        {
            brandId = scope.BrandId,
            scopeDealerId = scope.DealerId,
            subjectId = scope.SubjectId,
            dealerId = query.DealerId,
            process = query.Process,
            state = query.State,
            assignee = query.AssigneeStaffId,
            from = query.CreatedFrom,
            before = query.CreatedBefore,
            now = time.GetUtcNow(),
            take = pageSize,
            skip = (page - 1) * pageSize,
        };
        var listSql = $"""
            SELECT id AS Id, dealer_id AS DealerId, definition_key AS DefinitionKey, definition_version AS DefinitionVersion, state AS State,
                   assignee_staff_id AS AssigneeStaffId, assignee_role AS AssigneeRole, sla_due_at AS DueAt, breached_at AS BreachedAt,
                   created_at AS CreatedAt, updated_at AS UpdatedAt, closed_at AS ClosedAt
            FROM cases {where}
            ORDER BY created_at DESC, id DESC
            LIMIT @take OFFSET @skip
            """;
        var countSql = $"SELECT COUNT(*) FROM cases {where}";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(listSql, parameters, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(countSql, parameters, cancellationToken: cancellationToken));
        var now = parameters.now;
        return new CaseSearchPage(
            [.. rows.Select(r => new CaseListRow(
                r.Id, r.DealerId, r.DefinitionKey, r.DefinitionVersion, r.State, r.AssigneeStaffId, r.AssigneeRole, r.DueAt,
                r.BreachedAt is not null || r.DueAt <= now, r.CreatedAt, r.UpdatedAt, r.ClosedAt))],
            total,
            page,
            pageSize);
    }

    public async Task<IReadOnlyList<(string Key, int Version)>> ProcessesAsync(CaseScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope == CaseScope.Nothing)
        {
            return [];
        }

        var sql = $"SELECT definition_key AS Key, MAX(definition_version) AS Version FROM cases {Where(scope, new CaseSearchQuery())} GROUP BY definition_key ORDER BY definition_key";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Key, int Version)>(new CommandDefinition(
            sql, new { brandId = scope.BrandId, scopeDealerId = scope.DealerId, subjectId = scope.SubjectId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The filters in force, as fixed SQL text; every value travels as a parameter.</summary>
    private static string Where(CaseScope scope, CaseSearchQuery query)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        Add(scope.BrandId is not null, "brand_id = @brandId");
        Add(scope.DealerId is not null, "dealer_id = @scopeDealerId");
        Add(scope.SubjectId is not null, "subject_id = @subjectId");
        Add(query.DealerId is not null, "dealer_id = @dealerId");
        Add(!string.IsNullOrEmpty(query.Process), "definition_key = @process");
        Add(!string.IsNullOrEmpty(query.State), "state = @state");
        Add(query.Breached == true, "(breached_at IS NOT NULL OR sla_due_at <= @now)");
        Add(query.Breached == false, "breached_at IS NULL AND (sla_due_at IS NULL OR sla_due_at > @now)");
        Add(query.AssigneeStaffId is not null, "assignee_staff_id = @assignee");
        Add(query.CreatedFrom is not null, "created_at >= @from");
        Add(query.CreatedBefore is not null, "created_at < @before");
        return where.ToString();

        void Add(bool when, string condition)
        {
            if (when)
            {
                where.Append(" AND ").Append(condition);
            }
        }
    }

    private sealed class Row
    {
        public Guid Id { get; init; }

        public Guid DealerId { get; init; }

        public string DefinitionKey { get; init; } = "";

        public int DefinitionVersion { get; init; }

        public string State { get; init; } = "";

        public Guid? AssigneeStaffId { get; init; }

        public string? AssigneeRole { get; init; }

        public DateTimeOffset? DueAt { get; init; }

        public DateTimeOffset? BreachedAt { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public DateTimeOffset? ClosedAt { get; init; }
    }
}
