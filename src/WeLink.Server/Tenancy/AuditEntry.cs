namespace WeLink.Server.Tenancy;

/// <summary>One row of the audit log as it is read back.</summary>
public sealed record AuditEntry
{
    public required Guid Id { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public Guid? ActorId { get; init; }

    public required string ActorEmail { get; init; }

    public required string Action { get; init; }

    public required string TargetType { get; init; }

    public required string TargetId { get; init; }

    public Guid? BrandId { get; init; }

    public Guid? DealerId { get; init; }

    public required string Outcome { get; init; }

    public string? Detail { get; init; }
}
