using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using WeLink.Server.Shared;

namespace WeLink.Server.Onboarding.Menus;

/// <summary>
/// The official-account menu HQ sets for its brand, in WeChat's menu/create shape (snake_case JSON). Its one two-word
/// name is spelled out so the admin API, which reads camelCase, takes a menu/create body as it is.
/// </summary>
public sealed record BrandMenu(IReadOnlyList<BrandMenuButton> Button)
{
    /// <summary>The button type that opens a page of the brand's mini program.</summary>
    public const string MiniProgramType = "miniprogram";

    /// <summary>WeChat's limits: 1 to 3 top-level buttons, each with at most 5 sub-buttons; null when valid.</summary>
    public string? Problem()
    {
        if (Button is not { Count: >= 1 and <= 3 })
        {
            return "菜单需要 1 到 3 个一级按钮。";
        }

        foreach (var button in Button)
        {
            if (string.IsNullOrWhiteSpace(button.Name))
            {
                return "每个按钮都需要名称。";
            }

            if (button.SubButton is { Count: > 5 })
            {
                return $"按钮「{button.Name}」的子按钮超过 5 个。";
            }

            if (button.SubButton is { Count: > 0 } subs && subs.Any(s => string.IsNullOrWhiteSpace(s.Name) || string.IsNullOrWhiteSpace(s.Type)))
            {
                return $"按钮「{button.Name}」的每个子按钮都需要名称和类型。";
            }

            if (button.SubButton is not { Count: > 0 } && string.IsNullOrWhiteSpace(button.Type))
            {
                return $"按钮「{button.Name}」需要类型（click、view、miniprogram 等）或子按钮。";
            }

            if (Leaves(button).FirstOrDefault(b => b.Type == MiniProgramType && (string.IsNullOrWhiteSpace(b.Pagepath) || string.IsNullOrWhiteSpace(b.Url))) is { } page)
            {
                return $"小程序按钮「{page.Name}」需要 pagepath 和 url（url 是无法打开小程序的微信版本使用的网页）。";
            }
        }

        return null;
    }

    /// <summary>The appids the menu's mini-program buttons name (none when they leave it to the brand's mini program).</summary>
    public IReadOnlyList<string> MiniProgramAppIds() =>
        [.. Button.SelectMany(Leaves).Where(b => b.Type == MiniProgramType && !string.IsNullOrWhiteSpace(b.Appid)).Select(b => b.Appid!).Distinct()];

    public bool HasMiniProgramButtons => Button.SelectMany(Leaves).Any(b => b.Type == MiniProgramType);

    private static IEnumerable<BrandMenuButton> Leaves(BrandMenuButton button) => button.SubButton is { Count: > 0 } subs ? subs : [button];
}

public sealed record BrandMenuButton(
    [StringLength(TextLimits.Name)] string Name,
    [StringLength(TextLimits.Code)] string? Type = null,
    [StringLength(128)] string? Key = null,
    [StringLength(TextLimits.Url)] string? Url = null,
    [StringLength(TextLimits.Code)] string? Appid = null,
    [StringLength(TextLimits.Url)] string? Pagepath = null,
    [property: JsonPropertyName("sub_button")] IReadOnlyList<BrandMenuButton>? SubButton = null);
