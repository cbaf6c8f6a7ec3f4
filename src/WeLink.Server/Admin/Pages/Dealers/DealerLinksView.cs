using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy;

namespace WeLink.Server.Admin.Pages.Dealers;

/// <summary>The model of <c>_DealerLinks.cshtml</c>; <paramref name="CanUnlink"/> shows HQ's unlink forms.</summary>
public sealed record DealerLinksView(Dealer Dealer, DealerLinkState Links, bool CanUnlink);
