using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeLink.Wechat.Http;
using WeLink.Wechat.MiniProgram.Models;
using WeLink.Wechat.Options;
using WeLink.Wechat.Tokens;

namespace WeLink.Wechat.MiniProgram;

/// <summary>
/// A brand's mini program, called by WeLink as its authorized component with the mini program's authorizer token
/// (cached, single-flight, refreshed once when refused), like <see cref="OfficialAccount.OfficialAccountClient"/>.
/// </summary>
public sealed class MiniProgramClient
{
    private readonly WechatApiCaller _api;
    private readonly AuthorizerTokenProvider _tokens;
    private static WechatJsonContext Json => WechatJsonContext.Wire;

    public MiniProgramClient(HttpClient http, AuthorizerTokenProvider tokens, IOptions<WeChatOptions> options, ILogger<MiniProgramClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _api = new WechatApiCaller(http, options.Value.ApiBaseUrl, logger);
        _tokens = tokens;
    }

    /// <summary>POST /wxaapi/newtmpl/addtemplate: the mini program's own id (priTmplId) for a library title and keywords.</summary>
    public Task<NewtmplAddtemplateResponse> AddSubscribeTemplateAsync(string authorizerAppid, NewtmplAddtemplateRequest request, CancellationToken cancellationToken) =>
        PostAsync(authorizerAppid, "/wxaapi/newtmpl/addtemplate", request, Json.NewtmplAddtemplateRequest, Json.NewtmplAddtemplateResponse, cancellationToken);

    /// <summary>POST /cgi-bin/message/subscribe/send; errcode 43101 when the consumer has no acceptance of the template left.</summary>
    public Task<WechatResponse> SendSubscribeMessageAsync(string authorizerAppid, MessageSubscribeSendRequest request, CancellationToken cancellationToken) =>
        PostAsync(authorizerAppid, "/cgi-bin/message/subscribe/send", request, Json.MessageSubscribeSendRequest, Json.WechatResponse, cancellationToken);

    /// <summary>
    /// POST /wxa/business/getuserphonenumber: the number the consumer handed over with the getPhoneNumber button, from the
    /// button's single-use code (5 minutes); errcode 40029 when it is expired, used, wrong or another mini program's.
    /// </summary>
    public Task<WxaBusinessGetuserphonenumberResponse> GetUserPhoneNumberAsync(
        string authorizerAppid, WxaBusinessGetuserphonenumberRequest request, CancellationToken cancellationToken) =>
        PostAsync(
            authorizerAppid, "/wxa/business/getuserphonenumber", request, Json.WxaBusinessGetuserphonenumberRequest, Json.WxaBusinessGetuserphonenumberResponse, cancellationToken);

    private Task<TResponse> PostAsync<TRequest, TResponse>(
        string authorizerAppid, string path, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : WechatResponse =>
        _api.PostAsync(_tokens, authorizerAppid, path, body, requestType, responseType, cancellationToken);
}
