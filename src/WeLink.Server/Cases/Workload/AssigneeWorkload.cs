using Dapper;
using WeLink.Server.Cases.Contracts;
using WeLink.Server.Data;

namespace WeLink.Server.Cases.Workload;

public sealed class AssigneeWorkload(IDbConnectionFactory connections) : IAssigneeWorkload
{
    public async Task<IReadOnlyDictionary<Guid, long>> OpenCasesByAssigneeAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT assignee_staff_id AS StaffId, COUNT(*) AS OpenCases FROM cases
            WHERE dealer_id = @dealerId AND closed_at IS NULL AND assignee_staff_id IS NOT NULL
            GROUP BY assignee_staff_id
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Load>(new CommandDefinition(sql, new { dealerId }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.StaffId, r => r.OpenCases);
    }

    /// <summary>Set by property, not constructor: SQLite reports no column type for a count, so no constructor would match.</summary>
    private sealed class Load
    {
        public Guid StaffId { get; init; }

        public long OpenCases { get; init; }
    }
}
