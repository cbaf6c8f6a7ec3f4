using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Tenancy;

/// <summary>A dealer (4S store) of one brand; <see cref="Version"/> guards every change against lost updates.</summary>
public sealed record Dealer
{
    public required Guid Id { get; init; }

    public required Guid BrandId { get; init; }

    public Guid? RegionId { get; init; }

    /// <summary>The brand's own code for the dealer, unique within the brand.</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>One of <see cref="DealerStatus"/>.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required int Version { get; init; }

    /// <summary>Only an approved dealer may go live: take consumers' requests and send messages.</summary>
    public bool IsLive => Status == DealerStatus.Approved;
}
