namespace WeLink.Server.Tenancy;

/// <summary>A car brand (the OEM, "HQ") whose dealers WeLink serves.</summary>
public sealed record Brand
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
