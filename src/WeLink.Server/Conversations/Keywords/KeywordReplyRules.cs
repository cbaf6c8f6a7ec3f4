using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Conversations.Keywords;

/// <summary>What a keyword reply must be, with the reasons HQ reads; and which reply a consumer's text gets.</summary>
public static class KeywordReplyRules
{
    public const int MaxKeyword = 20;

    /// <summary>As a staff reply: a customer-service text takes about 2048 bytes, 600 characters fit in UTF-8.</summary>
    public const int MaxText = 600;

    public const int MaxPageTitle = 64;

    public const int MaxPagePath = 200;

    /// <summary>The input trimmed to its kind's fields, with the reasons it cannot be saved (none when it can).</summary>
    public static (KeywordReplyInput Input, Dictionary<string, string> Errors) Check(KeywordReplyInput input, IReadOnlyList<KeywordReply> others, BrandMiniProgram? miniProgram)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(others);
        var keyword = input.Keyword?.Trim() ?? "";
        var isPage = input.Kind == KeywordReplyKinds.Page;
        var clean = new KeywordReplyInput(
            keyword,
            input.Kind,
            isPage ? null : input.Text?.Trim(),
            isPage ? input.PageTitle?.Trim() : null,
            isPage ? input.PagePath?.Trim().TrimStart('/') : null);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (keyword.Length == 0)
        {
            errors["keyword"] = "请填写关键词。";
        }
        else if (keyword.Length > MaxKeyword)
        {
            errors["keyword"] = $"关键词最多 {MaxKeyword} 个字。";
        }
        else if (others.Any(o => string.Equals(o.Keyword, keyword, StringComparison.OrdinalIgnoreCase)))
        {
            errors["keyword"] = $"关键词“{keyword}”已经设置过回复，请修改原来那条。";
        }

        if (input.Kind is not (KeywordReplyKinds.Text or KeywordReplyKinds.Page))
        {
            errors["kind"] = "请选择回复方式：文字或小程序卡片。";
        }
        else if (!isPage)
        {
            CheckText(clean.Text, errors);
        }
        else
        {
            CheckPage(clean, miniProgram, errors);
        }

        return (clean, errors);
    }

    /// <summary>
    /// The reply a text gets: the longest keyword it contains (the most particular: 试驾预约 before 试驾), on a tie the one
    /// saved first (<paramref name="replies"/> come oldest first); null when it contains none. Latin letters match in either case.
    /// </summary>
    public static KeywordReply? Match(IReadOnlyList<KeywordReply> replies, string? text)
    {
        ArgumentNullException.ThrowIfNull(replies);
        return string.IsNullOrEmpty(text)
            ? null
            : replies.Where(r => text.Contains(r.Keyword, StringComparison.OrdinalIgnoreCase)).OrderByDescending(r => r.Keyword.Length).FirstOrDefault();
    }

    private static void CheckText(string? text, Dictionary<string, string> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            errors["text"] = "请填写回复文字。";
        }
        else if (text.Length > MaxText)
        {
            errors["text"] = $"回复文字最多 {MaxText} 个字（微信客服消息的长度上限），现在有 {text.Length} 个字。";
        }
    }

    private static void CheckPage(KeywordReplyInput page, BrandMiniProgram? miniProgram, Dictionary<string, string> errors)
    {
        if (miniProgram is not { Active: true })
        {
            errors["kind"] = "本品牌还没有授权小程序，不能回复小程序卡片；请先在品牌页授权小程序，或改用文字回复。";
        }

        if (string.IsNullOrEmpty(page.PageTitle))
        {
            errors["pageTitle"] = "请填写卡片标题。";
        }
        else if (page.PageTitle.Length > MaxPageTitle)
        {
            errors["pageTitle"] = $"卡片标题最多 {MaxPageTitle} 个字。";
        }

        if (string.IsNullOrEmpty(page.PagePath) || page.PagePath.Length > MaxPagePath || !MiniProgramPages.IsPage(page.PagePath))
        {
            errors["pagePath"] = $"“{page.PagePath}”不是小程序的页面；可用的页面：{string.Join("、", MiniProgramPages.All.Select(p => p.Path))}（可带 ?参数）。";
        }
    }
}
