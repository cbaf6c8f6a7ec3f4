namespace WeLink.Server.Identities;

/// <summary><c>GET /api/consumer/me</c>: the signed-in consumer as their dealer's account knows them.</summary>
public sealed record ConsumerProfileResponse
{
    public required Guid Id { get; init; }

    public required Guid BrandId { get; init; }

    public required Guid DealerId { get; init; }

    public required string DealerName { get; init; }

    /// <summary>Only after a sign-in with scope=userinfo.</summary>
    public string? Nickname { get; init; }

    /// <summary><see cref="ConsumerSubscription"/>: following, unfollowed or unknown.</summary>
    public required string Subscription { get; init; }

    public required DateTimeOffset Since { get; init; }
}
