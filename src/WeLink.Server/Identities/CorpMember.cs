namespace WeLink.Server.Identities;

/// <summary>A WeCom corp's link to its dealer, and the staff row of one of its members if there is one.</summary>
public sealed record CorpMember
{
    public required Guid DealerId { get; init; }

    public required Guid BrandId { get; init; }

    public required string DealerStatus { get; init; }

    public required string LinkStatus { get; init; }

    /// <summary>Null when the member is not in the app's visible range (no staff row).</summary>
    public Guid? StaffId { get; init; }

    public string? StaffStatus { get; init; }
}
