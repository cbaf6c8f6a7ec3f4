using System.Text.Json.Nodes;
using Dapper;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Data;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Cases.Inbox;

/// <summary>
/// The staff inbox. Every query is bounded by the session's dealer: another dealer's case does not exist here. Labels come
/// from each case's definition; customers' names from Identities and assignees' from the staff directory, one call each.
/// </summary>
public sealed class StaffInboxStore(
    IDbConnectionFactory connections, CaseDefinitions definitions, IConsumerDirectory consumers, IStaffDirectory staff, TimeProvider time)
{
    private const int PageSize = 200;

    private const string SummaryColumns = """
        id AS Id, definition_key AS DefinitionKey, definition_version AS DefinitionVersion, state AS State, subject_id AS SubjectId,
        assignee_staff_id AS AssigneeStaffId, assignee_role AS AssigneeRole, sla_due_at AS DueAt, breached_at AS BreachedAt,
        version AS Version, created_at AS CreatedAt, updated_at AS UpdatedAt, data AS Data
        """;

    public async Task<IReadOnlyList<CaseSummary>> ListAsync(TenantScope scope, InboxView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.DealerId is not { } dealerId)
        {
            return [];
        }

        var filter = view switch
        {
            InboxView.Mine => "AND assignee_staff_id = @staffId",
            InboxView.Role => $"AND {connections.Dialect.IsIn("assignee_role", "@roles")}",
            _ => "",
        };
        var sql = $"""
            SELECT {SummaryColumns}
            FROM cases
            WHERE dealer_id = @dealerId AND closed_at IS NULL {filter}
            ORDER BY sla_due_at IS NULL, sla_due_at, created_at
            LIMIT {PageSize}
            """;
        return await SummariesAsync(sql, new { dealerId, staffId = scope.SubjectId, roles = scope.Roles.ToArray() }, cancellationToken);
    }

    /// <summary>The cases of these consumers at the session's dealer, open ones first, newest first: a customer's history.</summary>
    public async Task<IReadOnlyList<CaseSummary>> ListOfCustomersAsync(
        TenantScope scope, IReadOnlyCollection<Guid> consumerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(consumerIds);
        if (scope.DealerId is not { } dealerId || consumerIds.Count == 0)
        {
            return [];
        }

        var sql = $"""
            SELECT {SummaryColumns}
            FROM cases
            WHERE dealer_id = @dealerId AND {connections.Dialect.IsIn("subject_id", "@subjects")}
            ORDER BY closed_at IS NOT NULL, created_at DESC
            LIMIT {PageSize}
            """;
        return await SummariesAsync(sql, new { dealerId, subjects = consumerIds.Select(id => id.ToString()).ToArray() }, cancellationToken);
    }

    private async Task<IReadOnlyList<CaseSummary>> SummariesAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<SummaryRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
        var customers = await consumers.NamesAsync(
            [.. rows.Select(r => Guid.TryParse(r.SubjectId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct()], cancellationToken);
        var assignees = new Dictionary<Guid, string>();
        foreach (var id in rows.Select(r => r.AssigneeStaffId).OfType<Guid>().Distinct())
        {
            assignees[id] = (await staff.FindAsync(id, cancellationToken))?.Name ?? "";
        }

        var now = time.GetUtcNow();
        var summaries = new List<CaseSummary>(rows.Count);
        foreach (var r in rows)
        {
            var definition = await definitions.GetAsync(r.DefinitionKey, r.DefinitionVersion, cancellationToken);
            var data = JsonNode.Parse(r.Data) as JsonObject;
            var severity = Text(data, "severity");
            Guid? consumerId = Guid.TryParse(r.SubjectId, out var subject) ? subject : null;
            summaries.Add(new CaseSummary(
                r.Id,
                new Labelled(definition.Key, definition.Title),
                Text(data, "category"),
                severity is null ? null : definition.ValueLabels.GetValueOrDefault("severity")?.GetValueOrDefault(severity) ?? severity,
                new Labelled(r.State, definition.StateLabel(r.State)),
                new CaseCustomer(consumerId, consumerId is { } c ? customers.GetValueOrDefault(c) : null),
                r.AssigneeStaffId is { } assignee ? new CaseAssignee(assignee, assignees[assignee]) : null,
                r.AssigneeRole,
                r.DueAt,
                r.BreachedAt is not null || r.DueAt <= now,
                r.Version,
                r.CreatedAt,
                r.UpdatedAt));
        }

        return summaries;
    }

    /// <summary>A filed field as text; absent or not a string (a definition may file other shapes) is null.</summary>
    private static string? Text(JsonObject? data, string field) =>
        data?[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

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

        public string Data { get; init; } = "{}";
    }
}
