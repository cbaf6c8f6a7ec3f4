using WeLink.Server.Members.Contracts;

namespace WeLink.Server.Members;

/// <summary>One <c>member_identities</c> row: an identity, the dealer it came through, and what linked it.</summary>
public sealed class MemberIdentityRow
{
    public Guid Id { get; init; }

    public required string Kind { get; init; }

    public required string Scope { get; init; }

    public required string Subject { get; init; }

    public Guid DealerId { get; init; }

    public Guid? ConsumerId { get; init; }

    /// <summary>first_sight, unionid, phone, or staff:&lt;id&gt;.</summary>
    public required string LinkedBy { get; init; }

    public DateTimeOffset LinkedAt { get; init; }

    public IdentityKind IdentityKind => IdentityKinds.Parse(Kind);
}
