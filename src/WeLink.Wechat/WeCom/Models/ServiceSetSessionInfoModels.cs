namespace WeLink.Wechat.WeCom.Models;

/// <summary>POST /cgi-bin/service/set_session_info</summary>
public sealed class ServiceSetSessionInfoRequest
{
    public required string PreAuthCode { get; init; }

    public required SessionInfo SessionInfo { get; init; }
}

public sealed class SessionInfo
{
    /// <summary>0: formal install (published app); 1: test install into test corps.</summary>
    public int AuthType { get; init; }
}
