using WeLink.Wechat.Tokens;

namespace WeLink.Wechat.Http;

/// <summary>
/// The ways a call to WeChat or WeCom fails that a caller can expect and survive: the platform refused (an errcode), could
/// not be reached, or no longer authorizes WeLink for that account or corp. Anything else is a bug and should surface.
/// </summary>
public static class PlatformFailure
{
    public static bool IsExpected(Exception exception) =>
        exception is WechatApiException or HttpRequestException or AuthorizationLostException;
}
