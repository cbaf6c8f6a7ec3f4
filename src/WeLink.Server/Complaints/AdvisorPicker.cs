using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Complaints;

/// <summary>Who a new complaint goes to: the dealer's active service advisor with the fewest open cases.</summary>
public sealed class AdvisorPicker(IDbConnectionFactory connections)
{
    /// <summary>Ties go to the lowest id, so the choice is stable; null when the dealer has no active advisor.</summary>
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
