using Microsoft.Extensions.Options;
using WeLink.Wechat.Http;
using WeLink.Wechat.Options;

namespace WeLink.Wechat.WeCom;

/// <summary>Browser pages of WeCom: installing the WeLink app into a corp, and staff sign-in. Pure.</summary>
public sealed class SuitePageUrls(IOptions<WeComOptions> weCom, IOptions<WeChatOptions> weChat)
{
    /// <summary>
    /// WeCom-open host /3rdapp/install. Call set_session_info for the pre-auth code first, and open the link
    /// from a page on the suite's install-callback domain. WeCom returns with auth_code and state.
    /// </summary>
    public Uri Install(string preAuthCode, Uri redirectUri, string state) =>
        WechatUrl.Build(
            weCom.Value.OpenBaseUrl,
            "/3rdapp/install",
            [
                new("suite_id", weCom.Value.Suite.SuiteId),
                new("pre_auth_code", preAuthCode),
                new("redirect_uri", redirectUri.AbsoluteUri),
                new("state", state),
            ]);

    /// <summary>
    /// Staff OAuth for the third-party app: /connect/oauth2/authorize with appid = suite id. It is served by the
    /// open-web host (<c>WeChat:OpenBaseUrl</c>), the same host as WeChat's web OAuth.
    /// </summary>
    public Uri StaffOAuth(Uri redirectUri, StaffOAuthScope scope, string state) =>
        WechatUrl.Build(
            weChat.Value.OpenBaseUrl,
            "/connect/oauth2/authorize",
            [
                new("appid", weCom.Value.Suite.SuiteId),
                new("redirect_uri", redirectUri.AbsoluteUri),
                new("response_type", "code"),
                new("scope", scope == StaffOAuthScope.SnsapiPrivateinfo ? "snsapi_privateinfo" : "snsapi_base"),
                new("state", state),
            ],
            "wechat_redirect");
}
