using Dapper;
using WeLink.Server.Data;

namespace WeLink.Server.Identities;

/// <summary>Reads staff and their roles (Onboarding syncs the rows, dealer admins give the roles).</summary>
public sealed class StaffStore(IDbConnectionFactory connections)
{
    public async Task<IReadOnlyList<string>> RolesAsync(Guid staffId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT role FROM staff_roles WHERE staff_id = @staffId ORDER BY role";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var roles = await connection.QueryAsync<string>(new CommandDefinition(sql, new { staffId }, cancellationToken: cancellationToken));
        return [.. roles];
    }

    /// <summary>The session's own staff row, and only within the session's dealer; roles are the session's.</summary>
    public async Task<StaffProfileResponse?> FindProfileAsync(StaffSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string sql = """
            SELECT s.id AS Id, s.name AS Name, d.brand_id AS BrandId, s.dealer_id AS DealerId, d.name AS DealerName
            FROM staff s
            JOIN dealers d ON d.id = s.dealer_id
            WHERE s.id = @staffId AND s.dealer_id = @dealerId AND d.brand_id = @brandId
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var profile = await connection.QuerySingleOrDefaultAsync<StaffProfileResponse>(new CommandDefinition(
            sql,
            new { staffId = session.StaffId, dealerId = session.DealerId, brandId = session.BrandId },
            cancellationToken: cancellationToken));
        return profile is null ? null : profile with { Roles = session.Roles };
    }
}
