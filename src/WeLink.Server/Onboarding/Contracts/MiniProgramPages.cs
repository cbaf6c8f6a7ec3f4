namespace WeLink.Server.Onboarding.Contracts;

/// <summary>
/// The pages of WeLink's mini program (<c>miniprogram/src/app.json</c>; every brand's mini program runs the same code), and
/// how a link to one carries the dealer whose account sent it, so the consumer arrives in that dealer's context.
/// </summary>
public static class MiniProgramPages
{
    /// <summary>Where a link names the dealer; a link without it gets <c>dealerId=</c> added.</summary>
    public const string DealerPlaceholder = "{dealerId}";

    /// <summary>As app.json lists them (a test keeps the two the same).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "pages/home/index",
        "pages/complaints/list",
        "pages/complaints/new",
        "pages/complaints/detail",
        "pages/me/index",
    ];

    /// <summary>Whether the path (before any <c>?query</c>) is one of <see cref="All"/>.</summary>
    public static bool IsPage(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var page = path.Split('?', 2)[0];
        return All.Contains(page, StringComparer.Ordinal);
    }

    /// <summary>The page with the dealer in its query: where the link has <c>{dealerId}</c>, else added as <c>dealerId=</c>.</summary>
    public static string WithDealer(string page, Guid dealerId)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Contains(DealerPlaceholder, StringComparison.Ordinal)
            ? page.Replace(DealerPlaceholder, dealerId.ToString(), StringComparison.Ordinal)
            : $"{page}{(page.Contains('?', StringComparison.Ordinal) ? '&' : '?')}dealerId={dealerId}";
    }
}
