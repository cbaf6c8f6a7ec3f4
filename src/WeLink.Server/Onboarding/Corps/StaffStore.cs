using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Onboarding.Corps;

/// <summary>
/// The staff rows directory sync keeps (one per corp member in the app's visible range) and the roles
/// dealer admins give them. A member who leaves the range is marked left, never deleted: cases point at them.
/// </summary>
public sealed class StaffStore(IDbConnectionFactory connections)
{
    public const string Active = "active";
    public const string Left = "left";

    /// <summary>Adds or refreshes a member; a member who left and came back is active again (same row).</summary>
    public async Task UpsertAsync(Guid dealerId, string corpId, string userId, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await UpsertAsync(connection, null, dealerId, corpId, userId, name, now, cancellationToken);
    }

    public async Task MarkLeftAsync(string corpId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE staff SET status = 'left', updated_at = @now WHERE corp_id = @corpId AND user_id = @userId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { corpId, userId, now }, cancellationToken: cancellationToken));
    }

    /// <summary>update_user with a new userid: the row (and its history and roles) follows the member.</summary>
    public async Task RenameAsync(string corpId, string userId, string newUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE staff SET user_id = @newUserId, updated_at = @now WHERE corp_id = @corpId AND user_id = @userId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { corpId, userId, newUserId, now }, cancellationToken: cancellationToken));
    }

    /// <summary>Makes the corp's active staff exactly <paramref name="visible"/> (userid → name), in one transaction.</summary>
    public async Task ReplaceVisibleAsync(
        Guid dealerId, string corpId, IReadOnlyDictionary<string, string> visible, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visible);
        const string activeSql = "SELECT user_id FROM staff WHERE corp_id = @corpId AND status = 'active'";
        const string leftSql = "UPDATE staff SET status = 'left', updated_at = @now WHERE corp_id = @corpId AND user_id = @userId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (userId, name) in visible)
        {
            await UpsertAsync(connection, transaction, dealerId, corpId, userId, name, now, cancellationToken);
        }

        var active = await connection.QueryAsync<string>(new CommandDefinition(activeSql, new { corpId }, transaction, cancellationToken: cancellationToken));
        foreach (var userId in active.Where(u => !visible.ContainsKey(u)).ToList())
        {
            await connection.ExecuteAsync(new CommandDefinition(leftSql, new { corpId, userId, now }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StaffRecord>> ListAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        const string staffSql = "SELECT id, user_id AS UserId, name, status FROM staff WHERE dealer_id = @dealerId ORDER BY name, user_id";
        const string rolesSql = """
            SELECT r.staff_id AS StaffId, r.role FROM staff_roles r JOIN staff s ON s.id = r.staff_id WHERE s.dealer_id = @dealerId ORDER BY r.role
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var staff = await connection.QueryAsync<StaffRow>(new CommandDefinition(staffSql, new { dealerId }, cancellationToken: cancellationToken));
        var roles = (await connection.QueryAsync<RoleRow>(new CommandDefinition(rolesSql, new { dealerId }, cancellationToken: cancellationToken)))
            .ToLookup(r => r.StaffId, r => r.Role);
        return [.. staff.Select(s => new StaffRecord(s.Id, s.UserId, s.Name, s.Status, [.. roles[s.Id]]))];
    }

    public async Task<DealerStaffRoles> SummarizeAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT COUNT(*) AS Active, COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM staff_roles r WHERE r.staff_id = s.id)) AS WithRoles
            FROM staff s WHERE s.dealer_id = @dealerId AND s.status = 'active'
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<DealerStaffRoles>(new CommandDefinition(sql, new { dealerId }, cancellationToken: cancellationToken));
    }

    /// <summary>Replaces a staff member's roles; false when the dealer has no such staff member.</summary>
    public async Task<bool> SetRolesAsync(Guid dealerId, Guid staffId, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        const string ownedSql = "SELECT COUNT(*) FROM staff WHERE id = @staffId AND dealer_id = @dealerId";
        const string clearSql = "DELETE FROM staff_roles WHERE staff_id = @staffId";
        const string addSql = "INSERT INTO staff_roles (staff_id, role) VALUES (@staffId, @role)";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var owned = await connection.ExecuteScalarAsync<long>(new CommandDefinition(ownedSql, new { staffId, dealerId }, transaction, cancellationToken: cancellationToken));
        if (owned == 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(clearSql, new { staffId }, transaction, cancellationToken: cancellationToken));
        foreach (var role in roles.Distinct(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(new CommandDefinition(addSql, new { staffId, role }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static Task<int> UpsertAsync(
        System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction? transaction,
        Guid dealerId,
        string corpId,
        string userId,
        string name,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO staff (id, dealer_id, corp_id, user_id, name, status, created_at, updated_at)
            VALUES (@id, @dealerId, @corpId, @userId, @name, 'active', @now, @now)
            ON CONFLICT (corp_id, user_id) DO UPDATE SET dealer_id = excluded.dealer_id, name = excluded.name, status = 'active',
                updated_at = excluded.updated_at
            """;
        return connection.ExecuteAsync(new CommandDefinition(
            sql, new { id = Guid.CreateVersion7(), dealerId, corpId, userId, name, now }, transaction, cancellationToken: cancellationToken));
    }

    private sealed record StaffRow(Guid Id, string UserId, string Name, string Status);

    private sealed record RoleRow(Guid StaffId, string Role);
}
