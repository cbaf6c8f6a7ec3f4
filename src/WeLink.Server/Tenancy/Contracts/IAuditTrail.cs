using System.Security.Claims;

namespace WeLink.Server.Tenancy.Contracts;

/// <summary>
/// The audit log as other features write to it: what a signed-in admin did and how it ended, whatever the outcome.
/// The <c>audit_log</c> table stays Tenancy's; reading it back is the portal's.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Records the admin's act; who did it (id and email) is read from the principal's claims.</summary>
    Task RecordAsync(ClaimsPrincipal admin, AuditEvent auditEvent, CancellationToken cancellationToken);
}
