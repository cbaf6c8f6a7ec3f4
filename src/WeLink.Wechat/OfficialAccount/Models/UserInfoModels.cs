using WeLink.Wechat.Http;

namespace WeLink.Wechat.OfficialAccount.Models;

/// <summary>GET /cgi-bin/user/info</summary>
public sealed class UserInfoResponse : WechatResponse
{
    /// <summary>0: the consumer does not follow the account, and only openid is filled.</summary>
    public int Subscribe { get; set; }

    public string Openid { get; set; } = "";

    public string? Language { get; set; }

    public long SubscribeTime { get; set; }

    public string? Unionid { get; set; }

    public string? Remark { get; set; }

    public IReadOnlyList<int> TagidList { get; set; } = [];

    /// <summary>How the consumer followed, e.g. ADD_SCENE_QR_CODE.</summary>
    public string? SubscribeScene { get; set; }

    public long QrScene { get; set; }

    /// <summary>The scene string of the QR code followed from; see <see cref="QrScene"/>.</summary>
    public string? QrSceneStr { get; set; }
}
