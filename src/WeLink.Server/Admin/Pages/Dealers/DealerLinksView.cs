using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy;

namespace WeLink.Server.Admin.Pages.Dealers;

/// <summary>
/// The model of <c>_DealerLinks.cshtml</c>; <paramref name="CanUnlink"/> shows HQ's unlink forms (and its 重新绑定 of the
/// official account's open-platform binding, shown once the account is linked).
/// </summary>
public sealed record DealerLinksView(Dealer Dealer, DealerLinkState Links, bool CanUnlink, OpenPlatformBinding? OpenPlatform);
