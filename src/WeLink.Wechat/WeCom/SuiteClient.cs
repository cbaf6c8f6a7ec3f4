using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeLink.Wechat.Http;
using WeLink.Wechat.Options;
using WeLink.Wechat.Tokens;
using WeLink.Wechat.WeCom.Models;

namespace WeLink.Wechat.WeCom;

/// <summary>
/// WeLink as a WeCom third-party app ("suite"): its own token, installs into corps, corp tokens and
/// staff identity. Calls needing the suite token fetch it (cached, single-flight) and retry once if refused.
/// </summary>
public sealed class SuiteClient
{
    private const string SuiteTokenQuery = "suite_access_token";

    private readonly WechatApiCaller _api;
    private readonly TokenProvider _tokens;
    private readonly ISuiteTicketStore _tickets;
    private readonly SuiteOptions _suite;
    private static WechatJsonContext Json => WechatJsonContext.Wire;

    public SuiteClient(
        HttpClient http,
        TokenProvider tokens,
        ISuiteTicketStore tickets,
        IOptions<WeComOptions> options,
        ILogger<SuiteClient> logger)
    {
        _api = new WechatApiCaller(http, options.Value.ApiBaseUrl, logger);
        _tokens = tokens;
        _tickets = tickets;
        _suite = options.Value.Suite;
    }

    public string SuiteId => _suite.SuiteId;

    /// <summary>POST /cgi-bin/service/get_suite_token: a new token, uncached; use <see cref="GetSuiteAccessTokenAsync"/>.</summary>
    public Task<ServiceGetSuiteTokenResponse> RequestSuiteTokenAsync(string suiteTicket, CancellationToken cancellationToken) =>
        _api.PostAsync(
            "/cgi-bin/service/get_suite_token",
            [],
            new ServiceGetSuiteTokenRequest { SuiteId = _suite.SuiteId, SuiteSecret = _suite.SuiteSecret, SuiteTicket = suiteTicket },
            Json.ServiceGetSuiteTokenRequest,
            Json.ServiceGetSuiteTokenResponse,
            cancellationToken);

    /// <summary>The cached suite_access_token; when missing, POST /cgi-bin/service/get_suite_token single-flight with the stored suite_ticket.</summary>
    public Task<string> GetSuiteAccessTokenAsync(CancellationToken cancellationToken) =>
        _tokens.GetAsync(TokenKeys.Suite(_suite.SuiteId), FetchSuiteTokenAsync, cancellationToken);

    /// <summary>GET /cgi-bin/service/get_pre_auth_code</summary>
    public Task<ServiceGetPreAuthCodeResponse> GetPreAuthCodeAsync(CancellationToken cancellationToken) =>
        WithSuiteTokenAsync(
            (token, ct) => _api.GetAsync(
                "/cgi-bin/service/get_pre_auth_code", [new(SuiteTokenQuery, token)], Json.ServiceGetPreAuthCodeResponse, ct),
            cancellationToken);

    /// <summary>POST /cgi-bin/service/set_session_info: <paramref name="testInstall"/> allows installing an unpublished app into test corps.</summary>
    public Task<WechatResponse> SetSessionInfoAsync(string preAuthCode, bool testInstall, CancellationToken cancellationToken) =>
        PostWithSuiteTokenAsync(
            "/cgi-bin/service/set_session_info",
            new ServiceSetSessionInfoRequest { PreAuthCode = preAuthCode, SessionInfo = new SessionInfo { AuthType = testInstall ? 1 : 0 } },
            Json.ServiceSetSessionInfoRequest,
            Json.WechatResponse,
            cancellationToken);

    /// <summary>POST /cgi-bin/service/get_permanent_code (v1: with corp token and agents).</summary>
    public Task<ServiceGetPermanentCodeResponse> GetPermanentCodeAsync(string authCode, CancellationToken cancellationToken) =>
        PostWithSuiteTokenAsync(
            "/cgi-bin/service/get_permanent_code",
            new ServiceGetPermanentCodeRequest { AuthCode = authCode },
            Json.ServiceGetPermanentCodeRequest,
            Json.ServiceGetPermanentCodeResponse,
            cancellationToken);

    /// <summary>POST /cgi-bin/service/v2/get_permanent_code (v2: the code and corp only; agents come from get_auth_info).</summary>
    public Task<ServiceGetPermanentCodeResponse> GetPermanentCodeV2Async(string authCode, CancellationToken cancellationToken) =>
        PostWithSuiteTokenAsync(
            "/cgi-bin/service/v2/get_permanent_code",
            new ServiceGetPermanentCodeRequest { AuthCode = authCode },
            Json.ServiceGetPermanentCodeRequest,
            Json.ServiceGetPermanentCodeResponse,
            cancellationToken);

    /// <summary>POST /cgi-bin/service/get_auth_info</summary>
    public Task<ServiceGetAuthInfoResponse> GetAuthInfoAsync(string corpId, string permanentCode, CancellationToken cancellationToken) =>
        PostWithSuiteTokenAsync(
            "/cgi-bin/service/get_auth_info",
            new ServiceGetAuthInfoRequest { AuthCorpid = corpId, PermanentCode = permanentCode },
            Json.ServiceGetAuthInfoRequest,
            Json.ServiceGetAuthInfoResponse,
            cancellationToken);

    /// <summary>POST /cgi-bin/service/v2/get_auth_info</summary>
    public Task<ServiceGetAuthInfoResponse> GetAuthInfoV2Async(string corpId, string permanentCode, CancellationToken cancellationToken) =>
        PostWithSuiteTokenAsync(
            "/cgi-bin/service/v2/get_auth_info",
            new ServiceGetAuthInfoRequest { AuthCorpid = corpId, PermanentCode = permanentCode },
            Json.ServiceGetAuthInfoRequest,
            Json.ServiceGetAuthInfoResponse,
            cancellationToken);

    /// <summary>POST /cgi-bin/service/get_corp_token: a new corp token, uncached; use <see cref="CorpTokenProvider"/>.</summary>
    public Task<ServiceGetCorpTokenResponse> RequestCorpTokenAsync(string corpId, string permanentCode, CancellationToken cancellationToken) =>
        PostWithSuiteTokenAsync(
            "/cgi-bin/service/get_corp_token",
            new ServiceGetCorpTokenRequest { AuthCorpid = corpId, PermanentCode = permanentCode },
            Json.ServiceGetCorpTokenRequest,
            Json.ServiceGetCorpTokenResponse,
            cancellationToken);

    /// <summary>GET /cgi-bin/service/auth/getuserinfo3rd: the staff member behind an OAuth code (single use, 5 min).</summary>
    public Task<ServiceAuthGetuserinfo3rdResponse> GetUserInfo3rdAsync(string code, CancellationToken cancellationToken) =>
        WithSuiteTokenAsync(
            (token, ct) => _api.GetAsync(
                "/cgi-bin/service/auth/getuserinfo3rd",
                [new(SuiteTokenQuery, token), new("code", code)],
                Json.ServiceAuthGetuserinfo3rdResponse,
                ct),
            cancellationToken);

    /// <summary>POST /cgi-bin/service/auth/getuserdetail3rd</summary>
    public Task<ServiceAuthGetuserdetail3rdResponse> GetUserDetail3rdAsync(string userTicket, CancellationToken cancellationToken) =>
        PostWithSuiteTokenAsync(
            "/cgi-bin/service/auth/getuserdetail3rd",
            new ServiceAuthGetuserdetail3rdRequest { UserTicket = userTicket },
            Json.ServiceAuthGetuserdetail3rdRequest,
            Json.ServiceAuthGetuserdetail3rdResponse,
            cancellationToken);

    private Task<TResponse> PostWithSuiteTokenAsync<TRequest, TResponse>(
        string path,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
        where TResponse : WechatResponse =>
        WithSuiteTokenAsync(
            (token, ct) => _api.PostAsync(path, [new(SuiteTokenQuery, token)], body, requestType, responseType, ct),
            cancellationToken);

    private Task<T> WithSuiteTokenAsync<T>(Func<string, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        _tokens.CallAsync(TokenKeys.Suite(_suite.SuiteId), FetchSuiteTokenAsync, call, cancellationToken);

    private async Task<IssuedToken> FetchSuiteTokenAsync(CancellationToken cancellationToken)
    {
        var ticket = await _tickets.GetAsync(_suite.SuiteId, cancellationToken)
            ?? throw new MissingPlatformTicketException(PlatformTicket.SuiteTicket, _suite.SuiteId);
        var response = await RequestSuiteTokenAsync(ticket, cancellationToken);
        return new IssuedToken(response.SuiteAccessToken, TimeSpan.FromSeconds(response.ExpiresIn));
    }
}
