using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Members.Api;

namespace WeLink.Server.Members.DataRights;

/// <summary>Everything WeLink holds about a member, as the file the member downloads (PIPL's right to a copy).</summary>
public sealed record MemberDataExport(
    DateTimeOffset ExportedAt,
    ExportedMember Member,
    IReadOnlyList<ExportedIdentity> Identities,
    IReadOnlyList<ConsentResponse> Consents,
    IReadOnlyList<ProfileChange> ProfileHistory,
    IReadOnlyList<ExportedVehicle> Vehicles,
    IReadOnlyList<ExportedGift> Gifts,
    IReadOnlyList<ExportedCase> Cases,
    IReadOnlyList<PersonConversation> Conversations,
    IReadOnlyList<ExportedDataRequest> DataRequests);

/// <summary>The member record with the phone in full: it is the member's own number.</summary>
public sealed record ExportedMember(
    Guid Id, string Status, string? Number, string? Tier, string? Name, string? Phone, Guid HomeDealerId, DateTimeOffset? JoinedAt, DateTimeOffset CreatedAt);

/// <summary>How WeLink finds the member again: an openid of an account or of the mini program, the unionid, an external contact.</summary>
public sealed record ExportedIdentity(string Kind, string Scope, string Subject, Guid DealerId, string LinkedBy, DateTimeOffset LinkedAt);

public sealed record ExportedVehicle(string Model, string? Plate, string? Vin, string? PurchasedOn, Guid DealerId, string Source, DateTimeOffset CreatedAt);

public sealed record ExportedGift(long Points, DateTimeOffset RequestedAt, DateTimeOffset? TakenAt);

/// <summary>A case of the member's at any dealer of the brand, with its process and every move it made.</summary>
public sealed record ExportedCase(
    Guid Id, Guid DealerId, string Process, string State, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, IReadOnlyList<ExportedCaseMove> Moves);

public sealed record ExportedCaseMove(DateTimeOffset At, string State);

public sealed record ExportedDataRequest(string Kind, string Channel, DateTimeOffset RequestedAt);
