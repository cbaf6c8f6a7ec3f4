namespace WeLink.Wechat.Http;

/// <summary>
/// A WeChat or WeCom API answered a non-zero errcode. <see cref="ApiPath"/> never carries the query
/// string, so no token or secret reaches a message or a log through this exception.
/// </summary>
public sealed class WechatApiException : Exception
{
    public WechatApiException()
    {
        ApiPath = "";
    }

    public WechatApiException(string message)
        : base(message)
    {
        ApiPath = "";
    }

    public WechatApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        ApiPath = "";
    }

    public WechatApiException(string apiPath, int errcode, string? errmsg)
        : base($"WeChat API {WechatUrl.PathOnly(apiPath)} answered errcode {errcode}: {errmsg}")
    {
        ApiPath = WechatUrl.PathOnly(apiPath);
        Errcode = errcode;
        Errmsg = errmsg;
    }

    /// <summary>The API path, e.g. <c>/cgi-bin/message/send</c>, without host or query string.</summary>
    public string ApiPath { get; }

    public int Errcode { get; }

    public string? Errmsg { get; }

    /// <summary>
    /// True when the access token used was refused (invalid, not the latest, or expired), so one
    /// refresh and one retry may succeed: 40001/40014/42001 (OA and WeCom), 40082/42009 (suite token).
    /// </summary>
    public bool IsAccessTokenRejected => Errcode is 40001 or 40014 or 42001 or 40082 or 42009;
}
