namespace WeLink.Server.Tenancy.Contracts;

/// <summary>The values of <c>audit_log.outcome</c>.</summary>
public static class AuditOutcome
{
    public const string Succeeded = "succeeded";

    /// <summary>Not allowed: wrong password, a throttled sign-in, another tenant's resource, a forbidden transition.</summary>
    public const string Refused = "refused";

    /// <summary>Lost a race: a stale version or a duplicate name.</summary>
    public const string Conflict = "conflict";
}
