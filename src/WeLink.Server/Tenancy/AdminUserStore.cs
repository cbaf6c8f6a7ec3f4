using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tenancy;

/// <summary>Admin users and their credentials. Emails are stored lower-case, so sign-in ignores case.</summary>
public sealed class AdminUserStore(IDbConnectionFactory connections, TimeProvider time)
{
    private const string UserColumns = """
        id AS Id, email AS Email, display_name AS DisplayName, role AS Role, brand_id AS BrandId, dealer_id AS DealerId, created_at AS CreatedAt
        """;

    public static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    /// <summary>Admins the scope reaches: all for a platform admin, the brand's for HQ, the dealer's for a dealer admin.</summary>
    public async Task<IReadOnlyList<AdminUser>> ListAsync(TenantScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        const string sql = $"""
            SELECT {UserColumns} FROM admin_users
            WHERE (@allBrands OR brand_id = @scopeBrand) AND (@allDealers OR dealer_id = @scopeDealer)
            ORDER BY email
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var users = await connection.QueryAsync<AdminUser>(new CommandDefinition(sql, ScopeParameters.For(scope), cancellationToken: cancellationToken));
        return [.. users];
    }

    /// <summary>An admin the scope reaches (as <see cref="ListAsync"/>), disabled or not; null when there is none.</summary>
    public async Task<AdminUser?> FindAsync(TenantScope scope, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        const string sql = $"""
            SELECT {UserColumns} FROM admin_users
            WHERE id = @userId AND (@allBrands OR brand_id = @scopeBrand) AND (@allDealers OR dealer_id = @scopeDealer)
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AdminUser>(
            new CommandDefinition(sql, ScopeParameters.For(scope, new { userId }), cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The credential for a sign-in attempt; none for a disabled admin. This read is unscoped on purpose: nobody is
    /// signed in yet, and it returns nothing but what the attempt needs.
    /// </summary>
    public async Task<AdminCredential?> FindCredentialAsync(string email, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {UserColumns}, password_hash AS PasswordHash
            FROM admin_users WHERE email = @email AND disabled_at IS NULL
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CredentialRow>(
            new CommandDefinition(sql, new { email = NormalizeEmail(email) }, cancellationToken: cancellationToken));
        return row?.ToCredential();
    }

    /// <summary>The admin's role and tenant as they are now, for the session recheck; null when unknown or disabled.</summary>
    public async Task<SessionSubject?> FindSubjectAsync(Guid userId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT role AS Role, brand_id AS BrandId, dealer_id AS DealerId FROM admin_users WHERE id = @userId AND disabled_at IS NULL";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubjectRow>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
        return row is null ? null : new SessionSubject(row.BrandId, row.DealerId, [row.Role]);
    }

    /// <summary>
    /// Disables another admin under the hierarchy's rule (as for creating one): a platform admin any admin, an HQ admin
    /// its own brand's dealer admins. False when there is none to disable: unknown, beyond the actor, or already disabled.
    /// </summary>
    public async Task<bool> DisableAsync(TenantScope actor, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        const string sql = """
            UPDATE admin_users SET disabled_at = @now, updated_at = @now
            WHERE id = @userId AND id <> @actorId AND disabled_at IS NULL AND (@allBrands OR role = @dealerRole)
              AND (@allBrands OR brand_id = @scopeBrand) AND (@allDealers OR dealer_id = @scopeDealer)
            """;
        var parameters = ScopeParameters.For(actor, new { userId, actorId = actor.SubjectId, dealerRole = AdminRoles.Dealer, now = time.GetUtcNow() });
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Creates an admin with an already hashed password; null when the email is taken.</summary>
    public async Task<AdminUser?> CreateAsync(NewAdminUser request, string passwordHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var user = new AdminUser
        {
            Id = Guid.CreateVersion7(),
            Email = NormalizeEmail(request.Email),
            DisplayName = request.DisplayName.Trim(),
            Role = request.Role,
            BrandId = request.BrandId,
            DealerId = request.DealerId,
            CreatedAt = now,
        };
        const string sql = """
            INSERT INTO admin_users (id, email, display_name, role, brand_id, dealer_id, password_hash, created_at, updated_at)
            VALUES (@Id, @Email, @DisplayName, @Role, @BrandId, @DealerId, @passwordHash, @CreatedAt, @CreatedAt)
            """;
        var parameters = new DynamicParameters(user);
        parameters.Add("passwordHash", passwordHash);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
            return user;
        }
        catch (Exception e) when (DbErrors.IsUniqueViolation(e))
        {
            return null;
        }
    }

    /// <summary>Stores the password again in the hasher's current format, after it checked one in an older format.</summary>
    public async Task StoreRehashAsync(Guid userId, string passwordHash, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE admin_users SET password_hash = @passwordHash, updated_at = @now WHERE id = @userId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, passwordHash, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    private sealed record SubjectRow
    {
        public required string Role { get; init; }

        public Guid? BrandId { get; init; }

        public Guid? DealerId { get; init; }
    }

    private sealed record CredentialRow
    {
        public required Guid Id { get; init; }

        public required string Email { get; init; }

        public required string DisplayName { get; init; }

        public required string Role { get; init; }

        public Guid? BrandId { get; init; }

        public Guid? DealerId { get; init; }

        public required DateTimeOffset CreatedAt { get; init; }

        public required string PasswordHash { get; init; }

        public AdminCredential ToCredential() => new()
        {
            User = new AdminUser { Id = Id, Email = Email, DisplayName = DisplayName, Role = Role, BrandId = BrandId, DealerId = DealerId, CreatedAt = CreatedAt },
            PasswordHash = PasswordHash,
        };
    }
}
