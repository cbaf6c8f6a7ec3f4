namespace WeLink.Server.Onboarding.Contracts;

/// <summary>
/// The pages of WeLink's mini program (<c>miniprogram/src/app.json</c>; every brand's mini program runs the same code), and
/// how a link to one carries the dealer whose account sent it, so the consumer arrives in that dealer's context. Menu
/// buttons and keyword cards both open them.
/// </summary>
public static class MiniProgramPages
{
    /// <summary>Where a link names the dealer; a link without it gets <c>dealerId=</c> added.</summary>
    public const string DealerPlaceholder = "{dealerId}";

    /// <summary>As app.json lists them (a test keeps the two the same).</summary>
    public static IReadOnlyList<MiniProgramPage> All { get; } =
    [
        new("pages/home/index", "首页", OpensAlone: true),
        new("pages/complaints/list", "我的投诉", OpensAlone: true),
        new("pages/complaints/new", "我要投诉", OpensAlone: true),
        new("pages/complaints/detail", "投诉详情", OpensAlone: false),
        new("pages/me/index", "我的", OpensAlone: true),
        new("pages/member/join", "加入会员", OpensAlone: true),
        new("pages/member/card", "会员卡", OpensAlone: true),
        new("pages/member/data", "我的数据", OpensAlone: true),
    ];

    /// <summary>The pages a link may open with the dealer alone, as HQ picks them for a menu button or a card.</summary>
    public static IEnumerable<MiniProgramPage> Openable => All.Where(p => p.OpensAlone);

    /// <summary>Whether the path (before any <c>?query</c>) is one of <see cref="All"/>.</summary>
    public static bool IsPage(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var page = path.Split('?', 2)[0];
        return All.Any(p => p.Path == page);
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

/// <summary>A page of the mini program; <paramref name="OpensAlone"/> is false for a page that needs more than the dealer (a complaint's id).</summary>
public sealed record MiniProgramPage(string Path, string Label, bool OpensAlone);
