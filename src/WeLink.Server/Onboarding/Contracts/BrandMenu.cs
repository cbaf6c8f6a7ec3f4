using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json.Serialization;
using WeLink.Server.Shared;

namespace WeLink.Server.Onboarding.Contracts;

/// <summary>
/// The official-account menu HQ sets for its brand, in WeChat's menu/create shape (snake_case JSON). Its one two-word
/// name is spelled out so the admin API, which reads camelCase, takes a menu/create body as it is.
/// </summary>
public sealed record BrandMenu(IReadOnlyList<BrandMenuButton> Button)
{
    /// <summary>The button type that opens a page of the brand's mini program.</summary>
    public const string MiniProgramType = "miniprogram";

    public const string ClickType = "click";

    public const string ViewType = "view";

    /// <summary>WeChat counts a name's UTF-8 bytes: 16 at the top (5 Chinese characters), 60 in a sub-menu (protocol-wave2 §4.3).</summary>
    public const int TopNameBytes = 16;

    public const int SubNameBytes = 60;

    public const int KeyBytes = 128;

    public const int UrlBytes = TextLimits.Url;

    /// <summary>WeChat's rules for menu/create, in Chinese for HQ; null when WeChat would take the menu.</summary>
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
                return "每个一级按钮都需要名称。";
            }

            if (Bytes(button.Name) > TopNameBytes)
            {
                return $"一级按钮「{button.Name}」的名称超过 {TopNameBytes} 个字节（最多 5 个汉字）。";
            }

            if (button.SubButton is { Count: > 5 })
            {
                return $"按钮「{button.Name}」的子按钮超过 5 个。";
            }

            if (button.SubButton is { Count: > 0 } subs && subs.Any(s => string.IsNullOrWhiteSpace(s.Name) || string.IsNullOrWhiteSpace(s.Type)))
            {
                return $"按钮「{button.Name}」的每个子按钮都需要名称和类型。";
            }

            if (button.SubButton?.FirstOrDefault(s => Bytes(s.Name) > SubNameBytes) is { } longSub)
            {
                return $"子按钮「{longSub.Name}」的名称超过 {SubNameBytes} 个字节（最多 20 个汉字）。";
            }

            if (button.SubButton is not { Count: > 0 } && string.IsNullOrWhiteSpace(button.Type))
            {
                return $"按钮「{button.Name}」需要类型（click、view、miniprogram 等）或子按钮。";
            }

            if (Leaves(button).Select(LeafProblem).FirstOrDefault(p => p is not null) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>The appids the menu's mini-program buttons name (none when they leave it to the brand's mini program).</summary>
    public IReadOnlyList<string> MiniProgramAppIds() =>
        [.. Button.SelectMany(Leaves).Where(b => b.Type == MiniProgramType && !string.IsNullOrWhiteSpace(b.Appid)).Select(b => b.Appid!).Distinct()];

    public bool HasMiniProgramButtons => Button.SelectMany(Leaves).Any(b => b.Type == MiniProgramType);

    private static string? LeafProblem(BrandMenuButton button) => button switch
    {
        { Type: ClickType, Key: var key } when string.IsNullOrWhiteSpace(key) => $"点击按钮「{button.Name}」需要 key（公众号收到的事件 key）。",
        { Type: ViewType, Url: var url } when string.IsNullOrWhiteSpace(url) => $"网页按钮「{button.Name}」需要网址。",
        { Type: MiniProgramType } when string.IsNullOrWhiteSpace(button.Pagepath) || string.IsNullOrWhiteSpace(button.Url) =>
            $"小程序按钮「{button.Name}」需要 pagepath 和 url（url 是无法打开小程序的微信版本使用的网页）。",
        _ when Bytes(button.Key) > KeyBytes => $"按钮「{button.Name}」的 key 超过 {KeyBytes} 个字节。",
        _ when Bytes(button.Url) > UrlBytes || Bytes(button.Pagepath) > UrlBytes => $"按钮「{button.Name}」的网址或页面路径超过 {UrlBytes} 个字节。",
        _ => null,
    };

    private static int Bytes(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);

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
