using System.Globalization;
using Microsoft.Extensions.Options;
using WeLink.Wechat.Http;
using WeLink.Wechat.Options;

namespace WeLink.Wechat.OpenPlatform;

/// <summary>
/// Browser pages of the open platform: where a dealer admin authorizes WeLink, and where a consumer
/// signs in to a dealer's account through WeLink. Pure: no call leaves the process.
/// </summary>
public sealed class ComponentPageUrls(IOptions<WeChatOptions> options)
{
    private WeChatOptions Settings => options.Value;

    /// <summary>
    /// The PC page (admin scans a QR code): mp host /cgi-bin/componentloginpage. <paramref name="bizAppid"/>
    /// restricts the grant to that one account. Open it from a page on the component's authorization-start domain.
    /// </summary>
    public Uri PcAuthorization(string preAuthCode, Uri redirectUri, ComponentAuthType authType, string? bizAppid = null) =>
        WechatUrl.Build(
            Settings.MpBaseUrl,
            "/cgi-bin/componentloginpage",
            AuthorizationQuery(preAuthCode, redirectUri, authType, bizAppid));

    /// <summary>The mobile page (opened inside WeChat): open-web host /wxaopen/safe/bindcomponent.</summary>
    public Uri MobileAuthorization(string preAuthCode, Uri redirectUri, ComponentAuthType authType, string? bizAppid = null) =>
        WechatUrl.Build(
            Settings.OpenBaseUrl,
            "/wxaopen/safe/bindcomponent",
            [new("action", "bindcomponent"), new("no_scan", "1"), .. AuthorizationQuery(preAuthCode, redirectUri, authType, bizAppid)],
            "wechat_redirect");

    /// <summary>
    /// Consumer web OAuth on behalf of an authorizer account: open-web host /connect/oauth2/authorize with
    /// component_appid. WeChat returns to <paramref name="redirectUri"/> with code, state and appid.
    /// </summary>
    public Uri ConsumerOAuth(string authorizerAppid, Uri redirectUri, ConsumerOAuthScope scope, string state) =>
        WechatUrl.Build(
            Settings.OpenBaseUrl,
            "/connect/oauth2/authorize",
            [
                new("appid", authorizerAppid),
                new("redirect_uri", redirectUri.AbsoluteUri),
                new("response_type", "code"),
                new("scope", scope == ConsumerOAuthScope.SnsapiUserinfo ? "snsapi_userinfo" : "snsapi_base"),
                new("state", state),
                new("component_appid", Settings.Component.AppId),
            ],
            "wechat_redirect");

    private KeyValuePair<string, string?>[] AuthorizationQuery(
        string preAuthCode, Uri redirectUri, ComponentAuthType authType, string? bizAppid) =>
    [
        new("component_appid", Settings.Component.AppId),
        new("pre_auth_code", preAuthCode),
        new("redirect_uri", redirectUri.AbsoluteUri),
        new("auth_type", ((int)authType).ToString(CultureInfo.InvariantCulture)),
        new("biz_appid", bizAppid),
    ];
}
