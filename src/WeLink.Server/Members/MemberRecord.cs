namespace WeLink.Server.Members;

/// <summary>A member as people read it: the phone only masked.</summary>
public sealed class MemberRecord
{
    public Guid Id { get; init; }

    public Guid BrandId { get; init; }

    public Guid HomeDealerId { get; init; }

    /// <summary>One of <see cref="MemberStatus"/>.</summary>
    public required string Status { get; init; }

    public string? MemberNumber { get; init; }

    public string? Tier { get; init; }

    public string? Name { get; init; }

    public string? PhoneMasked { get; init; }

    public DateTimeOffset? JoinedAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The record this one is part of now, when <see cref="Status"/> is merged.</summary>
    public Guid? MergedInto { get; init; }
}
