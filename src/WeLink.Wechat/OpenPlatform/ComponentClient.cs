using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeLink.Wechat.Http;
using WeLink.Wechat.OpenPlatform.Models;
using WeLink.Wechat.Options;
using WeLink.Wechat.Tokens;

namespace WeLink.Wechat.OpenPlatform;

/// <summary>
/// WeLink as an open-platform third-party platform ("component"): its own token, authorizations, and web
/// OAuth for consumers on behalf of an authorizer account. Calls that need the component token fetch it
/// (cached, single-flight) and retry once if WeChat refuses it.
/// </summary>
public sealed class ComponentClient
{
    private const string ComponentTokenQuery = "component_access_token";

    private readonly WechatApiCaller _api;
    private readonly TokenProvider _tokens;
    private readonly IComponentTicketStore _tickets;
    private readonly ComponentOptions _component;
    private static WechatJsonContext Json => WechatJsonContext.Wire;

    public ComponentClient(
        HttpClient http,
        TokenProvider tokens,
        IComponentTicketStore tickets,
        IOptions<WeChatOptions> options,
        ILogger<ComponentClient> logger)
    {
        _api = new WechatApiCaller(http, options.Value.ApiBaseUrl, logger);
        _tokens = tokens;
        _tickets = tickets;
        _component = options.Value.Component;
    }

    public string ComponentAppid => _component.AppId;

    /// <summary>POST /cgi-bin/component/api_start_push_ticket: asks WeChat to push a component_verify_ticket now.</summary>
    public Task StartPushTicketAsync(CancellationToken cancellationToken) =>
        _api.PostAsync(
            "/cgi-bin/component/api_start_push_ticket",
            [],
            new ApiStartPushTicketRequest { ComponentAppid = _component.AppId, ComponentSecret = _component.AppSecret },
            Json.ApiStartPushTicketRequest,
            Json.WechatResponse,
            cancellationToken);

    /// <summary>POST /cgi-bin/component/api_component_token: a new token, uncached; use <see cref="GetComponentAccessTokenAsync"/>.</summary>
    public Task<ApiComponentTokenResponse> RequestComponentTokenAsync(string componentVerifyTicket, CancellationToken cancellationToken) =>
        _api.PostAsync(
            "/cgi-bin/component/api_component_token",
            [],
            new ApiComponentTokenRequest
            {
                ComponentAppid = _component.AppId,
                ComponentAppsecret = _component.AppSecret,
                ComponentVerifyTicket = componentVerifyTicket,
            },
            Json.ApiComponentTokenRequest,
            Json.ApiComponentTokenResponse,
            cancellationToken);

    /// <summary>The cached component_access_token; when missing, POST /cgi-bin/component/api_component_token single-flight with the stored ticket.</summary>
    public Task<string> GetComponentAccessTokenAsync(CancellationToken cancellationToken) =>
        _tokens.GetAsync(TokenKeys.Component(_component.AppId), FetchComponentTokenAsync, cancellationToken);

    /// <summary>POST /cgi-bin/component/api_create_preauthcode</summary>
    public Task<ApiCreatePreauthcodeResponse> CreatePreAuthCodeAsync(CancellationToken cancellationToken) =>
        PostWithComponentTokenAsync(
            "/cgi-bin/component/api_create_preauthcode",
            new ApiCreatePreauthcodeRequest { ComponentAppid = _component.AppId },
            Json.ApiCreatePreauthcodeRequest,
            Json.ApiCreatePreauthcodeResponse,
            cancellationToken);

    /// <summary>POST /cgi-bin/component/api_query_auth: exchanges the authorization code (valid ~10 min) for the account's tokens.</summary>
    public Task<ApiQueryAuthResponse> QueryAuthAsync(string authorizationCode, CancellationToken cancellationToken) =>
        PostWithComponentTokenAsync(
            "/cgi-bin/component/api_query_auth",
            new ApiQueryAuthRequest { ComponentAppid = _component.AppId, AuthorizationCode = authorizationCode },
            Json.ApiQueryAuthRequest,
            Json.ApiQueryAuthResponse,
            cancellationToken);

    /// <summary>POST /cgi-bin/component/api_authorizer_token: a new authorizer token, uncached; use <see cref="AuthorizerTokenProvider"/>.</summary>
    public Task<ApiAuthorizerTokenResponse> RequestAuthorizerTokenAsync(
        string authorizerAppid, string authorizerRefreshToken, CancellationToken cancellationToken) =>
        PostWithComponentTokenAsync(
            "/cgi-bin/component/api_authorizer_token",
            new ApiAuthorizerTokenRequest
            {
                ComponentAppid = _component.AppId,
                AuthorizerAppid = authorizerAppid,
                AuthorizerRefreshToken = authorizerRefreshToken,
            },
            Json.ApiAuthorizerTokenRequest,
            Json.ApiAuthorizerTokenResponse,
            cancellationToken);

    /// <summary>POST /cgi-bin/component/api_get_authorizer_info</summary>
    public Task<ApiGetAuthorizerInfoResponse> GetAuthorizerInfoAsync(string authorizerAppid, CancellationToken cancellationToken) =>
        PostWithComponentTokenAsync(
            "/cgi-bin/component/api_get_authorizer_info",
            new ApiGetAuthorizerInfoRequest { ComponentAppid = _component.AppId, AuthorizerAppid = authorizerAppid },
            Json.ApiGetAuthorizerInfoRequest,
            Json.ApiGetAuthorizerInfoResponse,
            cancellationToken);

    /// <summary>POST /cgi-bin/component/api_get_authorizer_list: one page (count at most 500) of authorizers with their refresh tokens.</summary>
    public Task<ApiGetAuthorizerListResponse> GetAuthorizerListAsync(int offset, int count, CancellationToken cancellationToken) =>
        PostWithComponentTokenAsync(
            "/cgi-bin/component/api_get_authorizer_list",
            new ApiGetAuthorizerListRequest { ComponentAppid = _component.AppId, Offset = offset, Count = count },
            Json.ApiGetAuthorizerListRequest,
            Json.ApiGetAuthorizerListResponse,
            cancellationToken);

    /// <summary>GET /sns/oauth2/component/access_token: a consumer's OAuth code (from the authorize page) to openid and user token.</summary>
    public Task<SnsOauth2ComponentAccessTokenResponse> ExchangeConsumerOAuthCodeAsync(
        string authorizerAppid, string code, CancellationToken cancellationToken) =>
        ExchangeConsumerCodeAsync("/sns/oauth2/component/access_token", authorizerAppid, "code", code, Json.SnsOauth2ComponentAccessTokenResponse, cancellationToken);

    /// <summary>GET /sns/component/jscode2session: a wx.login code from an authorized mini program to the consumer's openid.</summary>
    public Task<SnsComponentJscode2sessionResponse> ExchangeMiniProgramLoginCodeAsync(
        string miniProgramAppid, string jsCode, CancellationToken cancellationToken) =>
        ExchangeConsumerCodeAsync("/sns/component/jscode2session", miniProgramAppid, "js_code", jsCode, Json.SnsComponentJscode2sessionResponse, cancellationToken);

    /// <summary>
    /// A code the consumer's WeChat gave a page of an authorized account (an OAuth landing) or mini program (wx.login),
    /// exchanged on the authorizer's behalf with the component token.
    /// </summary>
    private Task<TResponse> ExchangeConsumerCodeAsync<TResponse>(
        string path, string authorizerAppid, string codeParameter, string code, JsonTypeInfo<TResponse> response, CancellationToken cancellationToken)
        where TResponse : WechatResponse =>
        _tokens.CallAsync(
            TokenKeys.Component(_component.AppId),
            FetchComponentTokenAsync,
            (token, ct) => _api.GetAsync(
                path,
                [
                    new("appid", authorizerAppid),
                    new(codeParameter, code),
                    new("grant_type", "authorization_code"),
                    new("component_appid", _component.AppId),
                    new(ComponentTokenQuery, token),
                ],
                response,
                ct),
            cancellationToken);

    /// <summary>GET /sns/oauth2/component/refresh_token: renews a consumer's user token with its 30-day refresh token.</summary>
    public Task<SnsOauth2ComponentAccessTokenResponse> RefreshConsumerOAuthTokenAsync(
        string authorizerAppid, string refreshToken, CancellationToken cancellationToken) =>
        _tokens.CallAsync(
            TokenKeys.Component(_component.AppId),
            FetchComponentTokenAsync,
            (token, ct) => _api.GetAsync(
                "/sns/oauth2/component/refresh_token",
                [
                    new("appid", authorizerAppid),
                    new("grant_type", "refresh_token"),
                    new("component_appid", _component.AppId),
                    new(ComponentTokenQuery, token),
                    new("refresh_token", refreshToken),
                ],
                Json.SnsOauth2ComponentAccessTokenResponse,
                ct),
            cancellationToken);

    /// <summary>GET /sns/userinfo: the consumer's profile, with the consumer's own user token (snsapi_userinfo).</summary>
    public Task<SnsUserinfoResponse> GetConsumerUserInfoAsync(
        string userAccessToken, string openid, CancellationToken cancellationToken) =>
        _api.GetAsync(
            "/sns/userinfo",
            [new("access_token", userAccessToken), new("openid", openid), new("lang", "zh_CN")],
            Json.SnsUserinfoResponse,
            cancellationToken);

    private Task<TResponse> PostWithComponentTokenAsync<TRequest, TResponse>(
        string path,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
        where TResponse : WechatResponse =>
        _tokens.CallAsync(
            TokenKeys.Component(_component.AppId),
            FetchComponentTokenAsync,
            (token, ct) => _api.PostAsync(path, [new(ComponentTokenQuery, token)], body, requestType, responseType, ct),
            cancellationToken);

    private async Task<IssuedToken> FetchComponentTokenAsync(CancellationToken cancellationToken)
    {
        var ticket = await _tickets.GetAsync(_component.AppId, cancellationToken)
            ?? throw new MissingPlatformTicketException(PlatformTicket.ComponentVerifyTicket, _component.AppId);
        var response = await RequestComponentTokenAsync(ticket, cancellationToken);
        return new IssuedToken(response.ComponentAccessToken, TimeSpan.FromSeconds(response.ExpiresIn));
    }
}
