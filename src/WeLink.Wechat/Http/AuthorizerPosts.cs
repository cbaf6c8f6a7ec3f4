using System.Text.Json.Serialization.Metadata;
using WeLink.Wechat.Tokens;

namespace WeLink.Wechat.Http;

/// <summary>
/// A JSON POST on an authorized account's or mini program's behalf, with its authorizer token (refreshed once on a
/// token errcode by <see cref="AuthorizerTokenProvider.CallAsync{T}"/>): what every authorizer client's call is.
/// </summary>
internal static class AuthorizerPosts
{
    public static Task<TResponse> PostAsync<TRequest, TResponse>(
        this WechatApiCaller api,
        AuthorizerTokenProvider tokens,
        string authorizerAppid,
        string path,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
        where TResponse : WechatResponse =>
        tokens.CallAsync(
            authorizerAppid,
            (token, ct) => api.PostAsync(path, [new("access_token", token)], body, requestType, responseType, ct),
            cancellationToken);
}
