using System.Security.Claims;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tenancy;

/// <summary>Who did something: a signed-in admin, someone who only gave an email (a sign-in attempt), or WeLink itself.</summary>
public sealed record AuditActor(Guid? Id, string Email)
{
    public static AuditActor System { get; } = new(null, "system");

    /// <summary>The admin of a signed-in principal (its subject id and email claims).</summary>
    public static AuditActor From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = Guid.TryParse(principal.FindFirstValue(WeLinkClaims.SubjectId), out var subject) ? subject : (Guid?)null;
        return new AuditActor(id, principal.FindFirstValue(WeLinkClaims.Email) ?? "unknown");
    }
}
