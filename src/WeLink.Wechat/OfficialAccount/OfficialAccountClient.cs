using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeLink.Wechat.Http;
using WeLink.Wechat.OfficialAccount.Models;
using WeLink.Wechat.Options;
using WeLink.Wechat.Tokens;

namespace WeLink.Wechat.OfficialAccount;

/// <summary>
/// A dealer's official account, called by WeLink as its authorized component. Every call names the
/// authorizer appid; its token is fetched (cached, single-flight) and refreshed once if WeChat refuses it.
/// </summary>
public sealed class OfficialAccountClient
{
    private readonly WechatApiCaller _api;
    private readonly AuthorizerTokenProvider _tokens;
    private static WechatJsonContext Json => WechatJsonContext.Wire;

    public OfficialAccountClient(
        HttpClient http,
        AuthorizerTokenProvider tokens,
        IOptions<WeChatOptions> options,
        ILogger<OfficialAccountClient> logger)
    {
        _api = new WechatApiCaller(http, options.Value.ApiBaseUrl, logger);
        _tokens = tokens;
    }

    /// <summary>POST /cgi-bin/message/template/send</summary>
    public Task<MessageTemplateSendResponse> SendTemplateMessageAsync(
        string authorizerAppid, MessageTemplateSendRequest request, CancellationToken cancellationToken) =>
        PostAsync(authorizerAppid, "/cgi-bin/message/template/send", request,
            Json.MessageTemplateSendRequest, Json.MessageTemplateSendResponse, cancellationToken);

    /// <summary>POST /cgi-bin/template/api_add_template: the account's template id for a library template.</summary>
    public Task<TemplateAddResponse> AddTemplateAsync(string authorizerAppid, TemplateAddRequest request, CancellationToken cancellationToken) =>
        PostAsync(authorizerAppid, "/cgi-bin/template/api_add_template", request, Json.TemplateAddRequest, Json.TemplateAddResponse, cancellationToken);

    /// <summary>POST /cgi-bin/message/subscribe/bizsend</summary>
    public Task<WechatResponse> SendSubscribeMessageAsync(
        string authorizerAppid, MessageSubscribeBizsendRequest request, CancellationToken cancellationToken) =>
        PostAsync(authorizerAppid, "/cgi-bin/message/subscribe/bizsend", request,
            Json.MessageSubscribeBizsendRequest, Json.WechatResponse, cancellationToken);

    /// <summary>POST /cgi-bin/message/custom/send</summary>
    public Task<WechatResponse> SendCustomMessageAsync(
        string authorizerAppid, MessageCustomSendRequest request, CancellationToken cancellationToken) =>
        PostAsync(authorizerAppid, "/cgi-bin/message/custom/send", request,
            Json.MessageCustomSendRequest, Json.WechatResponse, cancellationToken);

    /// <summary>GET /cgi-bin/user/info</summary>
    public Task<UserInfoResponse> GetUserInfoAsync(string authorizerAppid, string openid, CancellationToken cancellationToken) =>
        _tokens.CallAsync(
            authorizerAppid,
            (token, ct) => _api.GetAsync(
                "/cgi-bin/user/info",
                [new("access_token", token), new("openid", openid), new("lang", "zh_CN")],
                Json.UserInfoResponse,
                ct),
            cancellationToken);

    /// <summary>GET /cgi-bin/media/get: a temporary media file (a follower's picture or voice), kept by WeChat for 3 days.</summary>
    public Task<MediaFile> GetMediaAsync(string authorizerAppid, string mediaId, CancellationToken cancellationToken) =>
        _tokens.CallAsync(
            authorizerAppid,
            async (token, ct) =>
            {
                var (bytes, contentType) = await _api.GetBytesAsync(
                    "/cgi-bin/media/get", [new("access_token", token), new("media_id", mediaId)], Json.WechatResponse, ct);
                return new MediaFile(bytes, contentType);
            },
            cancellationToken);

    /// <summary>
    /// POST /cgi-bin/media/upload: temporary media of <paramref name="type"/> (<c>image</c>, <c>voice</c>, <c>video</c>,
    /// <c>thumb</c>) in the form field <c>media</c>, kept by WeChat for 3 days.
    /// </summary>
    public Task<MediaUploadResponse> UploadTemporaryMediaAsync(
        string authorizerAppid, string type, MediaFile file, string fileName, CancellationToken cancellationToken) =>
        _tokens.CallAsync(
            authorizerAppid,
            (token, ct) => _api.PostFileAsync(
                "/cgi-bin/media/upload", [new("access_token", token), new("type", type)], "media", file, fileName, Json.MediaUploadResponse, ct),
            cancellationToken);

    /// <summary>POST /cgi-bin/menu/create</summary>
    public Task<WechatResponse> CreateMenuAsync(
        string authorizerAppid, MenuCreateRequest request, CancellationToken cancellationToken) =>
        PostAsync(authorizerAppid, "/cgi-bin/menu/create", request,
            Json.MenuCreateRequest, Json.WechatResponse, cancellationToken);

    /// <summary>POST /cgi-bin/qrcode/create</summary>
    public Task<QrcodeCreateResponse> CreateQrCodeAsync(
        string authorizerAppid, QrcodeCreateRequest request, CancellationToken cancellationToken) =>
        PostAsync(authorizerAppid, "/cgi-bin/qrcode/create", request,
            Json.QrcodeCreateRequest, Json.QrcodeCreateResponse, cancellationToken);

    /// <summary>
    /// POST /cgi-bin/qrcode/create for a dealer or staff scene: temporary when <paramref name="lifetime"/>
    /// is given (at most 30 days), permanent otherwise (permanent codes are capped at 100,000 per account).
    /// </summary>
    public Task<QrcodeCreateResponse> CreateQrCodeAsync(
        string authorizerAppid, QrScene scene, TimeSpan? lifetime, CancellationToken cancellationToken) =>
        CreateQrCodeAsync(
            authorizerAppid,
            new QrcodeCreateRequest
            {
                ExpireSeconds = lifetime is { } span ? (int)span.TotalSeconds : null,
                ActionName = lifetime is null ? "QR_LIMIT_STR_SCENE" : "QR_STR_SCENE",
                ActionInfo = new QrcodeActionInfo { Scene = new QrcodeScene { SceneStr = scene.ToString() } },
            },
            cancellationToken);

    private Task<TResponse> PostAsync<TRequest, TResponse>(
        string authorizerAppid, string path, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : WechatResponse =>
        _api.PostAsync(_tokens, authorizerAppid, path, body, requestType, responseType, cancellationToken);
}
