namespace WeLink.Sandbox.Control;

public sealed record AdvanceClockRequest(double Seconds);

public sealed record ClockResponse(DateTimeOffset Now, long UnixSeconds, double OffsetSeconds);

public sealed record TicketPushResponse(long PushId, string Ticket);

public sealed record ControlProblem(string Error);

/// <summary>Without func_scopes the admin grants every permission set the sandbox offers; with them, only those (as if unticking the rest).</summary>
public sealed record ComponentApprovalRequest(string? PreAuthCode, string Appid, IReadOnlyList<int>? FuncScopes = null);

public sealed record AppidRequest(string Appid);

public sealed record CorpidRequest(string Corpid);

public sealed record InstallRequest(string? PreAuthCode, string Corpid, string? State);

public sealed record ConsumerConsentRequest(string ConsumerId, string Appid, string? Scope);

public sealed record StaffOAuthRequest(string Corpid, string Userid, string? Scope);

public sealed record OAuthCodeResponse(string Code, int ExpiresIn);

public sealed record PushResponse(long PushId);

public sealed record ConsumerActionRequest(
    string ConsumerId,
    string? Appid,
    string? Content,
    string? Key,
    string? Url,
    string? Ticket,
    string? TemplateId);

public sealed record ConsumerActionResponse(long? PushId, string? Openid);

public sealed record CardButtonRequest(string Corpid, string Userid, string TaskId, string? EventKey);

public sealed record AddMemberRequest(string Corpid, string Name, int DepartmentId, string? Position, string? Mobile);

public sealed record UpdateMemberRequest(string Corpid, string Userid, string? Name, string? Position);

public sealed record MemberRequest(string Corpid, string Userid);

public sealed record AuthorizationEventRequest(string Appid, string InfoType);

public sealed record PushView(
    long Id,
    string Target,
    string Kind,
    string? Subject,
    string Status,
    DateTimeOffset CreatedAt,
    string Plaintext,
    string? Reply,
    IReadOnlyList<Pushes.PushAttempt> Attempts);

public sealed record ApiFaultRequest(string Api, int? Count, int? Errcode, int? HttpStatus, int? LatencyMs);

public sealed record LatencyRequest(int LatencyMs);

/// <summary>Hold the API's next calls until <c>parties</c> are in flight at once, at most <c>timeout_ms</c>.</summary>
public sealed record HoldRequest(string Api, int Parties, int? TimeoutMs);

/// <summary>The API's calls in flight now, and the most that were at once since faults were last cleared.</summary>
public sealed record InFlightView(string Api, int InFlight, int Peak);

public sealed record PushFaultRequest(string Kind, int? Count, int? DelayMs);

public sealed record OwnerRequest(string Name);

/// <summary>An account of the owner; <c>bound</c> false leaves it bound to no open-platform account (no unionid until it is).</summary>
public sealed record AccountRequest(
    string OwnerId, string Nickname, string Kind, bool Verified, IReadOnlyList<string>? Templates, IReadOnlyList<string>? SubscribeTemplates, bool Bound = true);

/// <summary>A consumer; <c>phone</c> is the number bound to their WeChat (a made-up mobile number when absent).</summary>
public sealed record ConsumerRequest(string Nickname, string? Phone = null);

public sealed record CorpRequest(string Name, IReadOnlyList<string>? Departments, string? OwnerId = null);

public sealed record StaffRequest(string Name, int DepartmentId, string? Position, string? Mobile);

public sealed record ExternalContactRequest(string ConsumerId, string Userid);

public sealed record WecomClientRequest(
    string Corpid, string Userid, string? ChatExternalUserid, IReadOnlyList<string>? SelectedExternalUserids, string? ScanResult);

public sealed record StaffMessageRequest(string Corpid, string Userid, string? Content);

public sealed record MiniProgramLoginRequest(string? Consumer);

public sealed record MiniProgramLoginResponse(string Code, int ExpiresIn, string Openid, string ConsumerId);

/// <summary>The consumer's answer to wx.requestSubscribeMessage; <c>consumer</c> (id, nickname or openid) or <c>openid</c> names them.</summary>
public sealed record MiniProgramSubscribeRequest(string? Consumer, string? Openid, IReadOnlyList<string>? TemplateIds, bool Accept = true);

/// <summary>How many messages of each template the consumer allows now.</summary>
public sealed record MiniProgramSubscribeResponse(string Openid, string ConsumerId, IReadOnlyDictionary<string, int> Left);

/// <summary>The consumer (id, nickname or openid; the first consumer when absent) taps getPhoneNumber and allows or denies.</summary>
public sealed record MiniProgramPhoneNumberRequest(string? Consumer, bool Allow = true);

/// <summary>The bindgetphonenumber event's detail: <c>err_msg</c> as WeChat words it, the code only when allowed.</summary>
public sealed record MiniProgramPhoneNumberResponse(string ErrMsg, string? Code, int? ExpiresIn, string Openid, string ConsumerId);

public sealed record AddExternalContactRequest(string Corpid, string Userid, string ConsumerId, string? State);

public sealed record EditExternalContactRequest(string Corpid, string Userid, string ExternalUserid, string? Remark);

public sealed record DeleteExternalContactRequest(string Corpid, string Userid, string ExternalUserid, bool ByCustomer = false);

/// <summary>The contact after the change; no <c>push_id</c> when nothing was pushed (no change, or the suite is not installed).</summary>
public sealed record ExternalContactChangeResponse(string ExternalUserid, IReadOnlyList<string> FollowUserids, long? PushId);
