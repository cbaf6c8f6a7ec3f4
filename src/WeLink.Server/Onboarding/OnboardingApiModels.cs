using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Onboarding;

public sealed record StaffListResponse(IReadOnlyList<StaffRecord> Staff);

public sealed record StaffRolesRequest(IReadOnlyList<string>? Roles);

public sealed record MenuPublishResponse(IReadOnlyList<MenuPublication> Accounts);
