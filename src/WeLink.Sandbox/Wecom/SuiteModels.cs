namespace WeLink.Sandbox.Wecom;

public sealed record SuiteTokenRequest(string? SuiteId, string? SuiteSecret, string? SuiteTicket);

public sealed record SuiteTokenResponse(string SuiteAccessToken, int ExpiresIn);

public sealed record CorpTokenRequest(string? AuthCorpid, string? PermanentCode);

public sealed record CorpTokenResponse(string AccessToken, int ExpiresIn);

public sealed record SuitePreAuthCodeResponse(int Errcode, string Errmsg, string PreAuthCode, int ExpiresIn);

public sealed record SetSessionInfoRequest(string? PreAuthCode, SessionInfo? SessionInfo);

public sealed record SessionInfo(IReadOnlyList<int>? Appid, int AuthType);

public sealed record PermanentCodeRequest(string? AuthCode);

public sealed record PermanentCodeResponse(
    int Errcode,
    string Errmsg,
    string AccessToken,
    int ExpiresIn,
    string PermanentCode,
    AuthCorpInfo AuthCorpInfo,
    AuthInfo AuthInfo,
    AuthUserInfo AuthUserInfo,
    string State);

public sealed record PermanentCodeV2Response(
    int Errcode,
    string Errmsg,
    string PermanentCode,
    AuthCorpBrief AuthCorpInfo,
    AuthUserInfo AuthUserInfo,
    string State);

public sealed record AuthCorpBrief(string Corpid, string CorpName);

public sealed record AuthCorpInfo(
    string Corpid,
    string CorpName,
    string CorpType,
    string CorpSquareLogoUrl,
    int CorpUserMax,
    string CorpFullName,
    long VerifiedEndTime,
    int SubjectType,
    string CorpWxqrcode,
    string CorpScale,
    string CorpIndustry,
    string CorpSubIndustry);

public sealed record AuthInfo(IReadOnlyList<AgentInfo> Agent);

public sealed record AgentInfo(
    int Agentid,
    string Name,
    string RoundLogoUrl,
    string SquareLogoUrl,
    int AuthMode,
    bool IsCustomizedApp,
    bool AuthFromThirdapp,
    AgentPrivilege Privilege);

public sealed record AgentPrivilege(
    int Level,
    IReadOnlyList<int> AllowParty,
    IReadOnlyList<string> AllowUser,
    IReadOnlyList<int> AllowTag,
    IReadOnlyList<int> ExtraParty,
    IReadOnlyList<string> ExtraUser,
    IReadOnlyList<int> ExtraTag);

public sealed record AuthUserInfo(string Userid, string OpenUserid, string Name, string Avatar);

public sealed record AuthInfoRequest(string? AuthCorpid, string? PermanentCode);

public sealed record AuthInfoResponse(int Errcode, string Errmsg, AuthCorpInfo AuthCorpInfo, AuthInfo AuthInfo);

public sealed record UserInfo3rdResponse(
    int Errcode,
    string Errmsg,
    string Corpid,
    string Userid,
    string OpenUserid,
    string? UserTicket,
    int? ExpiresIn);

public sealed record UserDetail3rdRequest(string? UserTicket);

public sealed record UserDetail3rdResponse(
    int Errcode,
    string Errmsg,
    string Corpid,
    string Userid,
    string Name,
    string Gender,
    string Avatar,
    string QrCode,
    string Mobile,
    string Email,
    string BizMail,
    string Address);
