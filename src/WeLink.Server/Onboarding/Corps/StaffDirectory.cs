using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Onboarding.Corps;

/// <summary>Reads the staff rows and roles that <see cref="StaffStore"/> writes, for other features.</summary>
public sealed class StaffDirectory(IDbConnectionFactory connections) : IStaffDirectory
{
    private const string Columns = "s.id AS StaffId, s.dealer_id AS DealerId, s.corp_id AS CorpId, s.user_id AS UserId, s.name AS Name, s.status AS Status";

    public async Task<StaffMember?> FindAsync(Guid staffId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM staff s WHERE s.id = @staffId";
        return await SingleAsync(sql, new { staffId }, cancellationToken);
    }

    public async Task<StaffMember?> FindByUserIdAsync(string corpId, string userId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM staff s WHERE s.corp_id = @corpId AND s.user_id = @userId";
        return await SingleAsync(sql, new { corpId, userId }, cancellationToken);
    }

    public async Task<IReadOnlyList<StaffMember>> ActiveInRolesAsync(Guid dealerId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        const string staffSql = $"""
            SELECT DISTINCT {Columns} FROM staff s JOIN staff_roles r ON r.staff_id = s.id
            WHERE s.dealer_id = @dealerId AND s.status = 'active' AND r.role = @role
            """;
        const string rolesSql = """
            SELECT r.staff_id AS StaffId, r.role AS Role FROM staff_roles r JOIN staff s ON s.id = r.staff_id
            WHERE s.dealer_id = @dealerId ORDER BY r.role
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        List<StaffRow> staff = [];
        foreach (var role in roles.Distinct(StringComparer.Ordinal))
        {
            staff.AddRange(await connection.QueryAsync<StaffRow>(new CommandDefinition(staffSql, new { dealerId, role }, cancellationToken: cancellationToken)));
        }

        var held = (await connection.QueryAsync<RoleRow>(new CommandDefinition(rolesSql, new { dealerId }, cancellationToken: cancellationToken)))
            .ToLookup(r => r.StaffId, r => r.Role);
        return [.. staff.DistinctBy(s => s.StaffId).OrderBy(s => s.StaffId).Select(s => s.ToMember([.. held[s.StaffId]]))];
    }

    private async Task<StaffMember?> SingleAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        const string rolesSql = "SELECT role FROM staff_roles WHERE staff_id = @staffId ORDER BY role";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StaffRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var roles = await connection.QueryAsync<string>(new CommandDefinition(rolesSql, new { staffId = row.StaffId }, cancellationToken: cancellationToken));
        return row.ToMember([.. roles]);
    }

    private sealed record StaffRow(Guid StaffId, Guid DealerId, string CorpId, string UserId, string Name, string Status)
    {
        public StaffMember ToMember(IReadOnlyList<string> roles) => new(StaffId, DealerId, CorpId, UserId, Name, Status == StaffStore.Active, roles);
    }

    private sealed record RoleRow(Guid StaffId, string Role);
}
