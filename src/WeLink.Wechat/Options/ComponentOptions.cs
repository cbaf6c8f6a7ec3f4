namespace WeLink.Wechat.Options;

/// <summary>The <c>WeChat:Component</c> section: WeLink's own open-platform third-party platform.</summary>
public sealed class ComponentOptions
{
    public string AppId { get; set; } = "";

    public string AppSecret { get; set; } = "";

    /// <summary>The message-check token typed into the open-platform console.</summary>
    public string Token { get; set; } = "";

    public string EncodingAesKey { get; set; } = "";
}
