namespace WeLink.Server.Onboarding;

/// <summary>
/// A staff row as WeCom's directory sync keeps it. Active is false once the member left the app's visible
/// range; Roles come from <see cref="Access.StaffRoles"/>, given by the dealer admin.
/// </summary>
public sealed record StaffIdentity(Guid StaffId, Guid DealerId, Guid BrandId, string CorpId, string UserId, string Name, bool Active, IReadOnlyList<string> Roles);
