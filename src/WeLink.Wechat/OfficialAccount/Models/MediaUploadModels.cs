using WeLink.Wechat.Http;

namespace WeLink.Wechat.OfficialAccount.Models;

/// <summary>What POST /cgi-bin/media/upload answers: the temporary media's id, kept by WeChat for 3 days.</summary>
public sealed class MediaUploadResponse : WechatResponse
{
    /// <summary><c>image</c>, <c>voice</c>, <c>video</c> or <c>thumb</c>.</summary>
    public string Type { get; set; } = "";

    public string MediaId { get; set; } = "";

    /// <summary>Unix seconds.</summary>
    public long CreatedAt { get; set; }
}
