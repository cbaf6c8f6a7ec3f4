using WeLink.Wechat.Http;

namespace WeLink.Wechat.OfficialAccount.Models;

/// <summary>POST /cgi-bin/qrcode/create</summary>
public sealed class QrcodeCreateRequest
{
    /// <summary>Temporary codes only: seconds to live, at most 2592000 (30 days).</summary>
    public int? ExpireSeconds { get; init; }

    /// <summary><c>QR_STR_SCENE</c> (temporary) or <c>QR_LIMIT_STR_SCENE</c> (permanent) for string scenes.</summary>
    public required string ActionName { get; init; }

    public required QrcodeActionInfo ActionInfo { get; init; }
}

public sealed class QrcodeActionInfo
{
    public required QrcodeScene Scene { get; init; }
}

public sealed class QrcodeScene
{
    public string? SceneStr { get; init; }
}

public sealed class QrcodeCreateResponse : WechatResponse
{
    /// <summary>Exchange at mp host /cgi-bin/showqrcode?ticket= for the image.</summary>
    public string Ticket { get; set; } = "";

    public int ExpireSeconds { get; set; }

    /// <summary>The URL the code encodes.</summary>
    public string Url { get; set; } = "";
}
