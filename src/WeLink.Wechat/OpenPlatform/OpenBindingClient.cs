using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeLink.Wechat.Http;
using WeLink.Wechat.OpenPlatform.Models;
using WeLink.Wechat.Options;
using WeLink.Wechat.Tokens;

namespace WeLink.Wechat.OpenPlatform;

/// <summary>
/// An authorized official account's or mini program's binding to an open-platform account (protocol-wave2.md §1.6),
/// which decides whether and how WeChat gives its consumers a unionid. Called with the account's authorizer token, like
/// <see cref="OfficialAccount.OfficialAccountClient"/>; the component's own token is refused (48001).
/// </summary>
public sealed class OpenBindingClient
{
    private readonly WechatApiCaller _api;
    private readonly AuthorizerTokenProvider _tokens;
    private static WechatJsonContext Json => WechatJsonContext.Wire;

    public OpenBindingClient(HttpClient http, AuthorizerTokenProvider tokens, IOptions<WeChatOptions> options, ILogger<OpenBindingClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _api = new WechatApiCaller(http, options.Value.ApiBaseUrl, logger);
        _tokens = tokens;
    }

    /// <summary>POST /cgi-bin/open/get; errcode 89002 when the account is bound to none.</summary>
    public Task<OpenGetResponse> GetAsync(string authorizerAppid, CancellationToken cancellationToken) =>
        PostAsync(authorizerAppid, "/cgi-bin/open/get", new OpenGetRequest { Appid = authorizerAppid }, Json.OpenGetRequest, Json.OpenGetResponse, cancellationToken);

    /// <summary>POST /cgi-bin/open/create: a new open-platform account of the account's subject, with the account bound to it.</summary>
    public Task<OpenCreateResponse> CreateAsync(string authorizerAppid, CancellationToken cancellationToken) =>
        PostAsync(authorizerAppid, "/cgi-bin/open/create", new OpenCreateRequest { Appid = authorizerAppid }, Json.OpenCreateRequest, Json.OpenCreateResponse, cancellationToken);

    /// <summary>POST /cgi-bin/open/bind: the account joins <paramref name="openAppid"/>.</summary>
    public Task<WechatResponse> BindAsync(string authorizerAppid, string openAppid, CancellationToken cancellationToken) =>
        PostAsync(
            authorizerAppid, "/cgi-bin/open/bind", new OpenBindRequest { Appid = authorizerAppid, OpenAppid = openAppid }, Json.OpenBindRequest, Json.WechatResponse, cancellationToken);

    private Task<TResponse> PostAsync<TRequest, TResponse>(
        string authorizerAppid, string path, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : WechatResponse =>
        _api.PostAsync(_tokens, authorizerAppid, path, body, requestType, responseType, cancellationToken);
}
