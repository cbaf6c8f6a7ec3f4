namespace WeLink.Sandbox.Control;

public sealed record AdvanceClockRequest(double Seconds);

public sealed record ClockResponse(DateTimeOffset Now, long UnixSeconds, double OffsetSeconds);

public sealed record TicketPushResponse(long PushId, string Ticket);

public sealed record ControlProblem(string Error);

public sealed record ComponentApprovalRequest(string? PreAuthCode, string Appid);

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
