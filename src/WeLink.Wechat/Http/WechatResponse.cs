namespace WeLink.Wechat.Http;

/// <summary>
/// The fields every WeChat and WeCom answer may carry; a non-zero errcode is a failure. Answer models use
/// setters, not init: generated JSON code sets every init property, overwriting defaults such as <c>= ""</c>
/// with null when a field is absent.
/// </summary>
public class WechatResponse
{
    public int Errcode { get; set; }

    public string? Errmsg { get; set; }
}
