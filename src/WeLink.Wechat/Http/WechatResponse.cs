namespace WeLink.Wechat.Http;

/// <summary>The fields every WeChat and WeCom answer may carry; a non-zero errcode is a failure.</summary>
public class WechatResponse
{
    public int Errcode { get; init; }

    public string? Errmsg { get; init; }
}
