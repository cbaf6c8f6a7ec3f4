using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Admin.Pages.Dealers;

/// <summary>The model of <c>_LinkSide.cshtml</c>: one side of a dealer's link.</summary>
public sealed record LinkSideView(string Key, string Title, LinkSideState State);
