namespace WeLink.Sandbox.Wecom;

public sealed record AppMessageSendResponse(
    int Errcode,
    string Errmsg,
    string Invaliduser,
    string Invalidparty,
    string Invalidtag,
    string Unlicenseduser,
    string Msgid,
    string? ResponseCode);

public sealed record CorpUserResponse(
    int Errcode,
    string Errmsg,
    string Userid,
    string OpenUserid,
    string Name,
    IReadOnlyList<int> Department,
    int MainDepartment,
    string Position,
    int Status);

public sealed record SimpleUserListResponse(int Errcode, string Errmsg, IReadOnlyList<SimpleUser> Userlist);

public sealed record SimpleUser(string Userid, string Name, IReadOnlyList<int> Department, string OpenUserid);

public sealed record JsapiTicketResponse(int Errcode, string Errmsg, string Ticket, int ExpiresIn);

public sealed record ExternalContactResponse(int Errcode, string Errmsg, ExternalContactInfo ExternalContact, IReadOnlyList<FollowUser> FollowUser);

/// <summary>No <c>unionid</c>: WeCom gives none to third-party apps since its 2022 ID upgrade (protocol-wave2.md §7.2).</summary>
public sealed record ExternalContactInfo(string ExternalUserid, string Name, int Type, int Gender, string Avatar);

public sealed record UnionIdToExternalUserIdResponse(int Errcode, string Errmsg, string? ExternalUserid, string? PendingId);

public sealed record PendingIdListResponse(int Errcode, string Errmsg, IReadOnlyList<PendingIdItem> Result);

public sealed record PendingIdItem(string ExternalUserid, string PendingId);

public sealed record FollowUser(string Userid, string Remark, string Description, long Createtime, int AddWay);
