namespace WeLink.Server.Tenancy;

/// <summary>What sign-in needs about an admin: the user, and the password hash.</summary>
public sealed record AdminCredential
{
    public required AdminUser User { get; init; }

    public required string PasswordHash { get; init; }
}
