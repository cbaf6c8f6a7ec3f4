namespace WeLink.Server.Tenancy;

/// <summary>
/// A person who signs in to the admin portal: a platform admin (no brand), an HQ admin (one brand) or a
/// dealer admin (one dealer of one brand). <see cref="Role"/> is one of <c>Access.AdminRoles</c>.
/// </summary>
public sealed record AdminUser
{
    public required Guid Id { get; init; }

    public required string Email { get; init; }

    public required string DisplayName { get; init; }

    public required string Role { get; init; }

    public Guid? BrandId { get; init; }

    public Guid? DealerId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
