using WeLink.Wechat.Http;

namespace WeLink.Wechat.WeCom.Models;

/// <summary>
/// POST /cgi-bin/idconvert/unionid_to_external_userid (WeCom doc 97108): a WeChat user's unionid, with their openid of
/// the same official account or mini program, to the corp's external_userid for them.
/// </summary>
public sealed class IdconvertUnionidToExternalUseridRequest
{
    public required string Unionid { get; init; }

    public required string Openid { get; init; }

    /// <summary>0 when the account or mini program belongs to the corp's own subject, 1 when to the provider's.</summary>
    public required int SubjectType { get; init; }
}

/// <summary>
/// Either <see cref="ExternalUserid"/> (the person is a contact of the corp already) or <see cref="PendingId"/> (not
/// yet: valid 90 days, and external_userid_to_pending_id gives it back for the contact they become).
/// </summary>
public sealed class IdconvertUnionidToExternalUseridResponse : WechatResponse
{
    public string? ExternalUserid { get; set; }

    public string? PendingId { get; set; }
}

/// <summary>POST /cgi-bin/idconvert/batch/external_userid_to_pending_id: up to 100 contacts, with the chat they are in when asked for a group chat.</summary>
public sealed class IdconvertExternalUseridToPendingIdRequest
{
    public required IReadOnlyList<string> ExternalUserid { get; init; }

    public string? ChatId { get; init; }
}

/// <summary>Only the contacts for whom a pending_id was issued earlier are listed.</summary>
public sealed class IdconvertExternalUseridToPendingIdResponse : WechatResponse
{
    public IReadOnlyList<PendingIdResult> Result { get; set; } = [];
}

public sealed class PendingIdResult
{
    public string ExternalUserid { get; set; } = "";

    public string PendingId { get; set; } = "";
}
