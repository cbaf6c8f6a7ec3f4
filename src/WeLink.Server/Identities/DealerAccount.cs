namespace WeLink.Server.Identities;

/// <summary>A dealer and its official-account link, as the consumer sign-in and follow events need them.</summary>
public sealed record DealerAccount
{
    public required Guid DealerId { get; init; }

    public required Guid BrandId { get; init; }

    public required string DealerStatus { get; init; }

    /// <summary>Null when the dealer never linked an account.</summary>
    public string? AppId { get; init; }

    public string? LinkStatus { get; init; }

    public bool IsLive => AppId is not null && LinkStatus == Identities.LinkStatus.Active && DealerStatus != Identities.LinkStatus.DealerSuspended;
}
