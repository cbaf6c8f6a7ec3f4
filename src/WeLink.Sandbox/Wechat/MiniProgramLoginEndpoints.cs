using WeLink.Sandbox.Api;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Wechat;

/// <summary>
/// Mini-program login on behalf of an authorized mini program (protocol-wave2.md §1.2): the code wx.login gave the
/// consumer's phone becomes their openid in that mini program, its session_key, and the unionid of the mini program's
/// owner (the sandbox binds every account to its owner's open-platform account, so the unionid is always there).
/// </summary>
public static class MiniProgramLoginEndpoints
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromSeconds(300);

    public static IEndpointRouteBuilder MapMiniProgramLoginEndpoints(this IEndpointRouteBuilder wechat)
    {
        wechat.MapGet("/sns/component/jscode2session", ExchangeCode);
        return wechat;
    }

    public static IResult ExchangeCode(HttpRequest request, SandboxCredentials credentials, SandboxWorld world)
    {
        var check = credentials.Tokens.Check(request.Query["component_access_token"].FirstOrDefault(), TokenKind.ComponentAccessToken);
        if (!check.IsValid)
        {
            return WxResults.WechatToken(check);
        }

        if (check.Subject != request.Query["component_appid"].FirstOrDefault())
        {
            return Refusals.MiniProgramLogin.ComponentMismatch.Answer();
        }

        var code = request.Query["js_code"].FirstOrDefault();
        if (string.IsNullOrEmpty(code))
        {
            return Refusals.MiniProgramLogin.CodeMissing.Answer();
        }

        var appId = request.Query["appid"].FirstOrDefault() ?? "";
        if (credentials.Grants.FindAuthorization(appId) is not { Active: true })
        {
            return Refusals.MiniProgramLogin.NotAuthorized.Answer();
        }

        var redemption = credentials.MiniProgramLoginCodes.Redeem(code);
        if (redemption is not { Payload: { } grant } || grant.AppId != appId)
        {
            return redemption.Status switch
            {
                CodeStatus.AlreadyUsed => Refusals.MiniProgramLogin.CodeUsed.Answer(),
                CodeStatus.Expired => Refusals.MiniProgramLogin.CodeExpired.Answer(),
                _ => Refusals.MiniProgramLogin.CodeInvalid.Answer(),
            };
        }

        var identity = world.IdentityOf(grant.AppId, grant.ConsumerId);
        return WxResults.Json(
            new JsCode2SessionResponse(identity.OpenId, OpaqueIds.Secret(24), identity.UnionId),
            WireJsonContext.Default.JsCode2SessionResponse);
    }
}
