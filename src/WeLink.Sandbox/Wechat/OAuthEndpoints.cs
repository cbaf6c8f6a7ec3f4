using WeLink.Sandbox.Api;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Wechat;

/// <summary>Consumer web OAuth on behalf of an authorized account (protocol.md §4).</summary>
public static class OAuthEndpoints
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromSeconds(300);
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    public static IEndpointRouteBuilder MapOAuthEndpoints(this IEndpointRouteBuilder wechat)
    {
        wechat.MapGet("/sns/oauth2/component/access_token", ExchangeCode);
        wechat.MapGet("/sns/oauth2/component/refresh_token", Refresh);
        wechat.MapGet("/sns/userinfo", UserInfo);
        return wechat;
    }

    public static IResult ExchangeCode(HttpRequest request, SandboxCredentials credentials, SandboxWorld world)
    {
        if (CheckComponentCall(request, credentials) is { } refusal)
        {
            return refusal;
        }

        var code = request.Query["code"].FirstOrDefault();
        if (string.IsNullOrEmpty(code))
        {
            return Refusals.OAuth.CodeMissing.Answer();
        }

        var redemption = credentials.ConsumerOAuthCodes.Redeem(code);
        return redemption switch
        {
            { Status: CodeStatus.AlreadyUsed } => Refusals.OAuth.CodeUsed.Answer(),
            { Status: CodeStatus.Expired } => Refusals.OAuth.CodeExpired.Answer(),
            { Payload: { } grant } when grant.AppId == request.Query["appid"].FirstOrDefault() => IssueUserToken(credentials, world, grant),
            _ => Refusals.OAuth.CodeInvalid.Answer(),
        };
    }

    public static IResult Refresh(HttpRequest request, SandboxCredentials credentials, SandboxWorld world)
    {
        if (CheckComponentCall(request, credentials) is { } refusal)
        {
            return refusal;
        }

        var check = credentials.Tokens.Check(request.Query["refresh_token"].FirstOrDefault(), TokenKind.OAuthRefreshToken);
        if (check.Status == TokenStatus.Expired)
        {
            return Refusals.OAuth.RefreshTokenExpired.Answer();
        }

        if (!check.IsValid || GrantOf(check.Subject) is not { } grant || grant.AppId != request.Query["appid"].FirstOrDefault())
        {
            return Refusals.OAuth.RefreshTokenInvalid.Answer();
        }

        return IssueUserToken(credentials, world, grant, check.Token!.Value);
    }

    public static IResult UserInfo(HttpRequest request, SandboxCredentials credentials, SandboxWorld world)
    {
        var check = credentials.Tokens.Check(request.Query["access_token"].FirstOrDefault(), TokenKind.OAuthAccessToken);
        if (!check.IsValid)
        {
            return WxResults.WechatToken(check);
        }

        var grant = GrantOf(check.Subject)!;
        if (grant.Scope != "snsapi_userinfo")
        {
            return Refusals.OAuth.BaseScope.Answer();
        }

        var identity = world.IdentityOf(grant.AppId, grant.ConsumerId);
        if (identity.OpenId != request.Query["openid"].FirstOrDefault())
        {
            return Refusals.OAuth.OpenIdMismatch.Answer();
        }

        var consumer = world.FindConsumer(grant.ConsumerId)!;
        return WxResults.Json(
            new SnsUserInfoResponse(identity.OpenId, consumer.Nickname, 0, "", "", "CN", consumer.AvatarUrl, [], identity.UnionId),
            WireJsonContext.Default.SnsUserInfoResponse);
    }

    /// <summary>The user-token calls take the component token; any other token is the wrong kind (48001).</summary>
    private static IResult? CheckComponentCall(HttpRequest request, SandboxCredentials credentials)
    {
        var check = credentials.Tokens.Check(request.Query["component_access_token"].FirstOrDefault(), TokenKind.ComponentAccessToken);
        return check.Status switch
        {
            TokenStatus.Valid when check.Subject == request.Query["component_appid"].FirstOrDefault() => null,
            TokenStatus.Valid => Refusals.OAuth.ComponentMismatch.Answer(),
            _ => WxResults.WechatToken(check),
        };
    }

    private static IResult IssueUserToken(SandboxCredentials credentials, SandboxWorld world, ConsumerOAuthGrant grant, string? refreshToken = null)
    {
        var subject = string.Join('|', grant.AppId, grant.ConsumerId, grant.Scope);
        var token = credentials.Tokens.Issue(TokenKind.OAuthAccessToken, subject, replacesPrevious: false);
        refreshToken ??= credentials.Tokens.Issue(TokenKind.OAuthRefreshToken, subject, RefreshTokenLifetime, replacesPrevious: false).Value;
        var identity = world.IdentityOf(grant.AppId, grant.ConsumerId);
        return WxResults.Json(
            new OAuthTokenResponse(
                token.Value,
                token.ExpiresInSeconds,
                refreshToken,
                identity.OpenId,
                grant.Scope,
                grant.Scope == "snsapi_userinfo" ? identity.UnionId : null),
            WireJsonContext.Default.OAuthTokenResponse);
    }

    private static ConsumerOAuthGrant? GrantOf(string subject) =>
        subject.Split('|') is [var appId, var consumerId, var scope] ? new ConsumerOAuthGrant(appId, consumerId, scope) : null;
}
