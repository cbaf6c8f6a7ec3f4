namespace WeLink.Server.Tenancy;

/// <summary>What sign-in needs about an admin: the user, the password hash and the lockout state.</summary>
public sealed record AdminCredential
{
    public required AdminUser User { get; init; }

    public required string PasswordHash { get; init; }

    public required int FailedLogins { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }
}
