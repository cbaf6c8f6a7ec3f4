namespace WeLink.Sandbox.Wechat;

public sealed record MessageSendResponse(int Errcode, string Errmsg, long? Msgid);

public sealed record TemplateAddResponse(int Errcode, string Errmsg, string TemplateId);

public sealed record UserInfoResponse(
    int Subscribe,
    string Openid,
    string? Language,
    long? SubscribeTime,
    string? Unionid,
    string? Remark,
    int? Groupid,
    IReadOnlyList<int>? TagidList,
    string? SubscribeScene,
    long? QrScene,
    string? QrSceneStr);

/// <summary>media/upload's answer: WeChat sends no errcode on success.</summary>
public sealed record MediaUploadResponse(string Type, string MediaId, long CreatedAt);

public sealed record QrCodeResponse(string Ticket, int? ExpireSeconds, string Url);
