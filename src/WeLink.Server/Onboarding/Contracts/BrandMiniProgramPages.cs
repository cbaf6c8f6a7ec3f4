namespace WeLink.Server.Onboarding.Contracts;

/// <summary>
/// The pages of the consumers' mini program (<c>miniprogram/src/app.json</c>) a menu button may open, as HQ picks them.
/// Each opens in the context of the dealer whose account was tapped: the publisher adds the dealer to the path.
/// </summary>
public static class BrandMiniProgramPages
{
    public static IReadOnlyList<(string Path, string Label)> All { get; } =
    [
        ("pages/home/index", "首页"),
        ("pages/complaints/new", "我要投诉"),
        ("pages/complaints/list", "我的投诉"),
        ("pages/me/index", "我的"),
    ];

    /// <summary>The page's name, or the path itself for a page set through the API that is not in the list.</summary>
    public static string LabelOf(string? path) => All.FirstOrDefault(p => p.Path == path).Label ?? path ?? "";
}
