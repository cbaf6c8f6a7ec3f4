using System.Text.Json.Serialization;

namespace WeLink.Sandbox.Wechat;

public sealed record StartPushTicketRequest(string? ComponentAppid, string? ComponentSecret);

public sealed record ComponentTokenRequest(string? ComponentAppid, string? ComponentAppsecret, string? ComponentVerifyTicket);

public sealed record ComponentTokenResponse(string ComponentAccessToken, int ExpiresIn);

public sealed record PreAuthCodeRequest(string? ComponentAppid);

public sealed record PreAuthCodeResponse(string PreAuthCode, int ExpiresIn);

public sealed record QueryAuthRequest(string? ComponentAppid, string? AuthorizationCode);

public sealed record QueryAuthResponse(AuthorizationInfo AuthorizationInfo);

public sealed record AuthorizationInfo(
    string AuthorizerAppid,
    string? AuthorizerAccessToken,
    int? ExpiresIn,
    string? AuthorizerRefreshToken,
    IReadOnlyList<FuncInfo> FuncInfo);

public sealed record FuncInfo(FuncscopeCategory FuncscopeCategory);

public sealed record FuncscopeCategory(int Id);

public sealed record AuthorizerTokenRequest(string? ComponentAppid, string? AuthorizerAppid, string? AuthorizerRefreshToken);

public sealed record AuthorizerTokenResponse(string AuthorizerAccessToken, int ExpiresIn, string AuthorizerRefreshToken);

public sealed record AuthorizerInfoRequest(string? ComponentAppid, string? AuthorizerAppid);

public sealed record AuthorizerInfoResponse(AuthorizerInfo AuthorizerInfo, AuthorizationInfo AuthorizationInfo);

public sealed record AuthorizerInfo(
    string NickName,
    string HeadImg,
    TypeInfo ServiceTypeInfo,
    TypeInfo VerifyTypeInfo,
    string UserName,
    string PrincipalName,
    string Alias,
    BusinessInfo BusinessInfo,
    string QrcodeUrl,
    string Signature,
    [property: JsonPropertyName("MiniProgramInfo")] MiniProgramInfo? MiniProgramInfo);

public sealed record TypeInfo(int Id);

public sealed record BusinessInfo(int OpenStore, int OpenScan, int OpenPay, int OpenCard, int OpenShake);

public sealed record MiniProgramInfo(IReadOnlyList<MiniProgramCategory> Categories, int VisitStatus);

public sealed record MiniProgramCategory(string First, string Second);

public sealed record AuthorizerListRequest(string? ComponentAppid, int Offset, int Count);

public sealed record AuthorizerListResponse(int TotalCount, IReadOnlyList<AuthorizerListItem> List);

public sealed record AuthorizerListItem(string AuthorizerAppid, string RefreshToken, long AuthTime);
