using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Identities;

/// <summary>What a staff sign-in asks of other features: the corp's link, the dealer's status, the member's staff row.</summary>
public sealed record StaffSignInDirectories(IDealerDirectory Dealers, IDealerRegistry Registry, IStaffDirectory Staff);
