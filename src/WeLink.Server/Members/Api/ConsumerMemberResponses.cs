namespace WeLink.Server.Members.Api;

/// <summary>The consumer as a member: <c>status</c> known (not joined yet) or member; the phone only masked.</summary>
public sealed record ConsumerMemberResponse(
    string Status, string? Number, string? Tier, string? TierLabel, string? Name, string? Phone, HomeDealerResponse HomeDealer, DateTimeOffset? JoinedAt,
    IReadOnlyList<ConsentResponse> Consents);

public sealed record HomeDealerResponse(Guid Id, string Name);

/// <summary>A purpose's answer in force, with what the member read (<c>label</c>).</summary>
public sealed record ConsentResponse(string Purpose, string Label, bool Granted, string TextVersion, string Channel, DateTimeOffset DecidedAt);

/// <summary>The card: its QR text is signed and short-lived (<c>expiresAt</c>); the page asks again every minute.</summary>
public sealed record MemberCardResponse(
    string Number, string Tier, string TierLabel, string? Name, HomeDealerResponse HomeDealer, string Code, DateTimeOffset ExpiresAt, IReadOnlyList<string> Benefits);

/// <param name="PhoneCode">The code of the mini program's getPhoneNumber button; none when the consumer declined.</param>
/// <param name="Name">What the member wants to be called (optional).</param>
/// <param name="Consents">An answer per purpose; service must be granted to join.</param>
/// <param name="TextVersion">The version of the consent text the page showed.</param>
public sealed record JoinRequest(string? PhoneCode, string? Name, IReadOnlyList<ConsentAnswerRequest>? Consents, string? TextVersion);

public sealed record ConsentAnswerRequest(string? Purpose, bool Granted);

/// <summary>Consents given or withdrawn from the member's data page.</summary>
public sealed record ConsentsRequest(IReadOnlyList<ConsentAnswerRequest>? Consents, string? TextVersion);

public sealed record HomeDealerRequest(Guid? DealerId);
