using System.Security.Claims;
using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Tenancy;

/// <summary>
/// The append-only record of admin actions. Every feature that acts for an admin (tenancy, onboarding,
/// settings) writes here, other features through <see cref="IAuditTrail"/>; platform admins read every row, HQ admins
/// their brand's rows.
/// </summary>
public sealed class AuditLog(IDbConnectionFactory connections, TimeProvider time) : IAuditTrail
{
    public const int MaxPageSize = 500;

    private const string Columns = """
        id AS Id, occurred_at AS OccurredAt, actor_id AS ActorId, actor_email AS ActorEmail, action AS Action,
        target_type AS TargetType, target_id AS TargetId, brand_id AS BrandId, dealer_id AS DealerId,
        outcome AS Outcome, detail AS Detail
        """;

    public Task RecordAsync(ClaimsPrincipal admin, AuditEvent auditEvent, CancellationToken cancellationToken) =>
        RecordAsync(AuditActor.From(admin), auditEvent, cancellationToken);

    public async Task RecordAsync(AuditActor actor, AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(auditEvent);
        var entry = new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            OccurredAt = time.GetUtcNow(),
            ActorId = actor.Id,
            ActorEmail = actor.Email,
            Action = auditEvent.Action,
            TargetType = auditEvent.TargetType,
            TargetId = auditEvent.TargetId,
            BrandId = auditEvent.BrandId,
            DealerId = auditEvent.DealerId,
            Outcome = auditEvent.Outcome,
            Detail = auditEvent.Detail,
        };
        const string sql = """
            INSERT INTO audit_log (id, occurred_at, actor_id, actor_email, action, target_type, target_id, brand_id, dealer_id, outcome, detail)
            VALUES (@Id, @OccurredAt, @ActorId, @ActorEmail, @Action, @TargetType, @TargetId, @BrandId, @DealerId, @Outcome, @Detail)
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, entry, cancellationToken: cancellationToken));
    }

    /// <summary>The newest rows the scope reaches: all for a platform admin, the brand's for HQ, the dealer's for a dealer admin.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(TenantScope scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        const string sql = $"""
            SELECT {Columns} FROM audit_log
            WHERE (@allBrands OR brand_id = @scopeBrand) AND (@allDealers OR dealer_id = @scopeDealer)
            ORDER BY occurred_at DESC, id DESC
            LIMIT @limit
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            sql, ScopeParameters.For(scope, new { limit = Math.Clamp(limit, 1, MaxPageSize) }), cancellationToken: cancellationToken));
        return [.. rows];
    }
}
