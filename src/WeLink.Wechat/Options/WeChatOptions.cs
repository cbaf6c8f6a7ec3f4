namespace WeLink.Wechat.Options;

/// <summary>The <c>WeChat</c> configuration section: hosts, the open-platform component and token timing.</summary>
public sealed class WeChatOptions
{
    public const string SectionName = "WeChat";

    /// <summary>The official-account / open-platform API host.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.weixin.qq.com");

    /// <summary>Serves the PC authorization page (componentloginpage).</summary>
    public Uri MpBaseUrl { get; set; } = new("https://mp.weixin.qq.com");

    /// <summary>Serves the mobile authorization page and the web OAuth pages (consumers, and WeCom staff too).</summary>
    public Uri OpenBaseUrl { get; set; } = new("https://open.weixin.qq.com");

    public ComponentOptions Component { get; set; } = new();

    public TokenOptions Tokens { get; set; } = new();
}
