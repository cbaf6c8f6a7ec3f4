using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeLink.Wechat.Http;
using WeLink.Wechat.Options;
using WeLink.Wechat.Tokens;
using WeLink.Wechat.WeCom.Models;

namespace WeLink.Wechat.WeCom;

/// <summary>
/// A dealer's WeCom corp, called by WeLink as its installed third-party app. Every call names the corp id;
/// its token is fetched (cached, single-flight) and refreshed once if WeCom refuses it.
/// </summary>
public sealed class CorpClient
{
    private readonly WechatApiCaller _api;
    private readonly CorpTokenProvider _tokens;
    private static WechatJsonContext Json => WechatJsonContext.Wire;

    public CorpClient(HttpClient http, CorpTokenProvider tokens, IOptions<WeComOptions> options, ILogger<CorpClient> logger)
    {
        _api = new WechatApiCaller(http, options.Value.ApiBaseUrl, logger);
        _tokens = tokens;
    }

    /// <summary>POST /cgi-bin/message/send (text, textcard, template_card).</summary>
    public Task<MessageSendResponse> SendMessageAsync(string corpId, MessageSendRequest request, CancellationToken cancellationToken) =>
        PostAsync(corpId, "/cgi-bin/message/send", request, Json.MessageSendRequest, Json.MessageSendResponse, cancellationToken);

    /// <summary>POST /cgi-bin/message/update_template_card</summary>
    public Task<MessageUpdateTemplateCardResponse> UpdateTemplateCardAsync(
        string corpId, MessageUpdateTemplateCardRequest request, CancellationToken cancellationToken) =>
        PostAsync(corpId, "/cgi-bin/message/update_template_card", request,
            Json.MessageUpdateTemplateCardRequest, Json.MessageUpdateTemplateCardResponse, cancellationToken);

    /// <summary>GET /cgi-bin/user/get</summary>
    public Task<UserGetResponse> GetUserAsync(string corpId, string userid, CancellationToken cancellationToken) =>
        _tokens.CallAsync(
            corpId,
            (token, ct) => _api.GetAsync("/cgi-bin/user/get", [new("access_token", token), new("userid", userid)], Json.UserGetResponse, ct),
            cancellationToken);

    /// <summary>
    /// GET /cgi-bin/user/simplelist: the members of a department, with <paramref name="includeSubDepartments"/>
    /// those of its sub-departments too (fetch_child=1).
    /// </summary>
    public Task<UserSimplelistResponse> ListDepartmentMembersAsync(
        string corpId, long departmentId, bool includeSubDepartments, CancellationToken cancellationToken) =>
        _tokens.CallAsync(
            corpId,
            (token, ct) => _api.GetAsync(
                "/cgi-bin/user/simplelist",
                [
                    new("access_token", token),
                    new("department_id", departmentId.ToString(CultureInfo.InvariantCulture)),
                    new("fetch_child", includeSubDepartments ? "1" : "0"),
                ],
                Json.UserSimplelistResponse,
                ct),
            cancellationToken);

    /// <summary>GET /cgi-bin/externalcontact/get</summary>
    public Task<ExternalcontactGetResponse> GetExternalContactAsync(
        string corpId, string externalUserid, CancellationToken cancellationToken) =>
        _tokens.CallAsync(
            corpId,
            (token, ct) => _api.GetAsync(
                "/cgi-bin/externalcontact/get",
                [new("access_token", token), new("external_userid", externalUserid)],
                Json.ExternalcontactGetResponse,
                ct),
            cancellationToken);

    /// <summary>
    /// POST /cgi-bin/idconvert/unionid_to_external_userid: the corp's external_userid for the WeChat user, or the pending_id
    /// that stands for them until they become a contact (protocol-wave2.md §7.3).
    /// </summary>
    public Task<IdconvertUnionidToExternalUseridResponse> UnionidToExternalUseridAsync(
        string corpId, IdconvertUnionidToExternalUseridRequest request, CancellationToken cancellationToken) =>
        PostAsync(corpId, "/cgi-bin/idconvert/unionid_to_external_userid", request,
            Json.IdconvertUnionidToExternalUseridRequest, Json.IdconvertUnionidToExternalUseridResponse, cancellationToken);

    /// <summary>POST /cgi-bin/idconvert/batch/external_userid_to_pending_id: the pending_ids issued earlier for these contacts.</summary>
    public Task<IdconvertExternalUseridToPendingIdResponse> ExternalUseridToPendingIdAsync(
        string corpId, IdconvertExternalUseridToPendingIdRequest request, CancellationToken cancellationToken) =>
        PostAsync(corpId, "/cgi-bin/idconvert/batch/external_userid_to_pending_id", request,
            Json.IdconvertExternalUseridToPendingIdRequest, Json.IdconvertExternalUseridToPendingIdResponse, cancellationToken);

    /// <summary>GET /cgi-bin/get_jsapi_ticket: the corp's JS-SDK ticket (wx.config / getConfigSignature).</summary>
    public Task<JsapiTicketResponse> GetJsapiTicketAsync(string corpId, CancellationToken cancellationToken) =>
        _tokens.CallAsync(
            corpId,
            (token, ct) => _api.GetAsync("/cgi-bin/get_jsapi_ticket", [new("access_token", token)], Json.JsapiTicketResponse, ct),
            cancellationToken);

    /// <summary>GET /cgi-bin/ticket/get?type=agent_config: the app's JS-SDK ticket in the corp (wx.agentConfig / getAgentConfigSignature).</summary>
    public Task<JsapiTicketResponse> GetAgentConfigTicketAsync(string corpId, CancellationToken cancellationToken) =>
        _tokens.CallAsync(
            corpId,
            (token, ct) => _api.GetAsync(
                "/cgi-bin/ticket/get", [new("access_token", token), new("type", "agent_config")], Json.JsapiTicketResponse, ct),
            cancellationToken);

    private Task<TResponse> PostAsync<TRequest, TResponse>(
        string corpId,
        string path,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
        where TResponse : WechatResponse =>
        _tokens.CallAsync(
            corpId,
            (token, ct) => _api.PostAsync(path, [new("access_token", token)], body, requestType, responseType, ct),
            cancellationToken);
}
