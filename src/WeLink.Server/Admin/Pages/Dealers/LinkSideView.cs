using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Admin.Pages.Dealers;

/// <summary>
/// The model of <c>_LinkSide.cshtml</c>: one side of a dealer's link, and whether the viewer may unlink it (HQ, once
/// something is linked on that side).
/// </summary>
public sealed record LinkSideView(string Key, string Title, LinkSideState State, bool CanUnlink)
{
    public const string OfficialAccountKey = "official-account";
    public const string WeComKey = "wecom";

    public bool ShowsUnlink => CanUnlink && State.Status is LinkStatus.Active or LinkStatus.Suspended;

    /// <summary>The side a posted key names; null for anything else.</summary>
    public static LinkSide? SideOf(string? key) => key switch
    {
        OfficialAccountKey => LinkSide.OfficialAccount,
        WeComKey => LinkSide.WeCom,
        _ => null,
    };
}
