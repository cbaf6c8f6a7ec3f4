using WeLink.Server.Members.Contracts;

namespace WeLink.Server.Members.Consents;

/// <summary>One answer of a member for one purpose: given or withdrawn, when, through which channel, having read which text.</summary>
public sealed record MemberConsent(ConsentPurpose Purpose, bool Granted, string TextVersion, string Channel, DateTimeOffset DecidedAt);
