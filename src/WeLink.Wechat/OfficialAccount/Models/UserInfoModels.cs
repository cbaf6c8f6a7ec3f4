using WeLink.Wechat.Http;

namespace WeLink.Wechat.OfficialAccount.Models;

/// <summary>GET /cgi-bin/user/info</summary>
public sealed class UserInfoResponse : WechatResponse
{
    /// <summary>0: the consumer does not follow the account, and only openid is filled.</summary>
    public int Subscribe { get; init; }

    public string Openid { get; init; } = "";

    public string? Language { get; init; }

    public long SubscribeTime { get; init; }

    public string? Unionid { get; init; }

    public string? Remark { get; init; }

    public IReadOnlyList<int> TagidList { get; init; } = [];

    /// <summary>How the consumer followed, e.g. ADD_SCENE_QR_CODE.</summary>
    public string? SubscribeScene { get; init; }

    public long QrScene { get; init; }

    /// <summary>The scene string of the QR code followed from; see <see cref="QrScene"/>.</summary>
    public string? QrSceneStr { get; init; }
}
