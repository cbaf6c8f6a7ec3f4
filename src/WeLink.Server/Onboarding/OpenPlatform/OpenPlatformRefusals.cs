using WeLink.Wechat.Http;
using WeLink.Wechat.Tokens;

namespace WeLink.Server.Onboarding.OpenPlatform;

/// <summary>Why WeChat left an account unbound, in words HQ can act on (protocol-wave2.md §1.6 lists the codes).</summary>
public static class OpenPlatformRefusals
{
    public const int NotBound = 89002;

    public static string ReasonFor(Exception failure) => failure switch
    {
        WechatApiException { Errcode: 89001 } =>
            "这个账号与本品牌的开放平台账号不属于同一主体，微信不允许绑定；同一个人在这个账号与品牌其他账号中的 unionid 不同，只能通过手机号识别为同一会员。",
        WechatApiException { Errcode: 89000 } => "这个账号已绑定到另一个开放平台账号。如需改绑，请先在微信开放平台解绑，再点击“重新绑定”。",
        WechatApiException { Errcode: 89004 } => "本品牌的开放平台账号已绑定满 100 个账号，微信不允许再绑定。请在微信开放平台整理已绑定的账号后重新绑定。",
        WechatApiException { Errcode: 89036 } =>
            "本品牌的开放平台账号不是通过 WeLink 创建的，且尚未完成开放平台认证，微信不允许 WeLink 绑定。请完成开放平台认证，或在微信开放平台手动绑定。",
        WechatApiException { Errcode: 48001 } => "WeLink 没有获得“开放平台账号管理”权限。请重新授权并保持该权限勾选，然后点击“重新绑定”。",
        WechatApiException { Errcode: -1 } => "微信系统繁忙，绑定没有完成。请稍后点击“重新绑定”。",
        WechatApiException api => $"微信拒绝了绑定（错误码 {api.Errcode}）。请稍后点击“重新绑定”，仍不成功请联系平台管理员。",
        AuthorizationLostException => "WeLink 对这个账号的授权已失效，无法绑定开放平台账号。请重新授权。",
        _ => "暂时无法连接微信，绑定没有完成。请稍后点击“重新绑定”。",
    };
}
