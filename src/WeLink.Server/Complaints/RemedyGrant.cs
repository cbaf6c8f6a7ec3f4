namespace WeLink.Server.Complaints;

/// <summary>A remedy granted on a complaint, in points from the recovery budget, waiting for the loyalty ledger.</summary>
public sealed class RemedyGrant
{
    public string IdempotencyKey { get; init; } = "";

    public Guid CaseId { get; init; }

    public Guid DealerId { get; init; }

    public Guid ConsumerId { get; init; }

    public long Points { get; init; }

    public string Description { get; init; } = "";

    public DateTimeOffset GrantedAt { get; init; }
}
