namespace WeLink.Server.Tenancy.Access;

/// <summary>The claims every WeLink session carries; <see cref="TenantScope"/> is read from them.</summary>
public static class WeLinkClaims
{
    /// <summary>The admin user, consumer or staff id (UUID).</summary>
    public const string SubjectId = "welink:sub";

    public const string BrandId = "welink:brand";

    public const string DealerId = "welink:dealer";

    /// <summary>Admin role (<see cref="AdminRoles"/>) or a staff role; repeated for several roles.</summary>
    public const string Role = "welink:role";

    /// <summary>An admin's sign-in email, shown in the portal and written to the audit log.</summary>
    public const string Email = "welink:email";

    /// <summary>The server-side session (<c>sessions</c> row) the cookie belongs to; revoked at sign-out.</summary>
    public const string SessionId = "welink:sid";
}
