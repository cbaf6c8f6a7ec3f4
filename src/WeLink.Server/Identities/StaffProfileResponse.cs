namespace WeLink.Server.Identities;

/// <summary><c>GET /api/staff/me</c>: the signed-in staff member, their dealer and the roles of this session.</summary>
public sealed record StaffProfileResponse
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required Guid BrandId { get; init; }

    public required Guid DealerId { get; init; }

    public required string DealerName { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];
}
