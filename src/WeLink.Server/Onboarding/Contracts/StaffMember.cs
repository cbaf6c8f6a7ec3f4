namespace WeLink.Server.Onboarding.Contracts;

/// <summary>
/// A staff row as WeCom's directory sync keeps it: the member's WeCom userid in the dealer's corp, and the roles the
/// dealer admin gave them. Active is false once the member left the app's visible range (the row stays: cases point at it).
/// </summary>
public sealed record StaffMember(Guid StaffId, Guid DealerId, string CorpId, string UserId, string Name, bool Active, IReadOnlyList<string> Roles);
