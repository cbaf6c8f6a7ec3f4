using Microsoft.Extensions.Options;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Hosting;
using WeLink.Sandbox.Pushes;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Wechat;

/// <summary>The open platform's component APIs on the OA host (protocol.md §2.2).</summary>
public static class ComponentEndpoints
{
    public static readonly TimeSpan PreAuthCodeLifetime = TimeSpan.FromSeconds(600);
    public static readonly TimeSpan AuthorizationCodeLifetime = TimeSpan.FromSeconds(600);

    public static IEndpointRouteBuilder MapComponentEndpoints(this IEndpointRouteBuilder wechat)
    {
        var component = wechat.MapGroup("/cgi-bin/component");
        component.MapPost("/api_start_push_ticket", StartPushTicketAsync);
        component.MapPost("/api_component_token", ComponentTokenAsync);
        component.MapPost("/api_create_preauthcode", CreatePreAuthCodeAsync);
        component.MapPost("/api_query_auth", QueryAuthAsync);
        component.MapPost("/api_authorizer_token", AuthorizerTokenAsync);
        component.MapPost("/api_get_authorizer_info", GetAuthorizerInfoAsync);
        component.MapPost("/api_get_authorizer_list", GetAuthorizerListAsync);
        return wechat;
    }

    public static async Task<IResult> StartPushTicketAsync(
        HttpRequest request, IOptions<SandboxOptions> options, SandboxPushes pushes, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, WireJsonContext.Default.StartPushTicketRequest, cancellationToken);
        if (body is null)
        {
            return WxResults.BadJson();
        }

        var component = options.Value.Component;
        if (body.ComponentAppid != component.AppId)
        {
            return Refusals.Component.PushTicketAppId.Answer();
        }

        if (body.ComponentSecret != component.AppSecret)
        {
            return Refusals.Component.PushTicketSecret.Answer();
        }

        // The real platform answers first and pushes a moment later.
        pushes.PushComponentVerifyTicket();
        return WxResults.Ok();
    }

    public static async Task<IResult> ComponentTokenAsync(
        HttpRequest request, IOptions<SandboxOptions> options, SandboxCredentials credentials, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, WireJsonContext.Default.ComponentTokenRequest, cancellationToken);
        if (body is null)
        {
            return WxResults.BadJson();
        }

        var component = options.Value.Component;
        if (string.IsNullOrEmpty(body.ComponentAppid) || body.ComponentAppid != component.AppId)
        {
            return Refusals.Component.TokenNotComponent.Answer();
        }

        if (string.IsNullOrEmpty(body.ComponentAppsecret))
        {
            return Refusals.Component.TokenSecretMissing.Answer();
        }

        if (body.ComponentAppsecret != component.AppSecret)
        {
            return Refusals.Component.TokenSecretWrong.Answer();
        }

        var ticket = credentials.Tickets.Check(TicketKind.ComponentVerifyTicket, body.ComponentVerifyTicket);
        if (ticket != TicketStatus.Valid)
        {
            return (ticket == TicketStatus.Expired ? Refusals.Component.TicketExpired : Refusals.Component.TicketInvalid).Answer();
        }

        var token = credentials.Tokens.Issue(TokenKind.ComponentAccessToken, component.AppId);
        return WxResults.Json(new ComponentTokenResponse(token.Value, token.ExpiresInSeconds), WireJsonContext.Default.ComponentTokenResponse);
    }

    public static async Task<IResult> CreatePreAuthCodeAsync(
        HttpRequest request, SandboxCredentials credentials, CancellationToken cancellationToken)
    {
        var check = CheckComponentToken(request, credentials);
        if (!check.IsValid)
        {
            return WxResults.WechatToken(check);
        }

        var body = await WxResults.ReadAsync(request, WireJsonContext.Default.PreAuthCodeRequest, cancellationToken);
        if (body is null)
        {
            return WxResults.BadJson();
        }

        if (body.ComponentAppid != check.Subject)
        {
            return Refusals.Component.PreAuthCodeComponent.Answer();
        }

        var code = credentials.PreAuthCodes.Issue(new PreAuthGrant(), PreAuthCodeLifetime, 48, "preauthcode@@@");
        return WxResults.Json(new PreAuthCodeResponse(code, (int)PreAuthCodeLifetime.TotalSeconds), WireJsonContext.Default.PreAuthCodeResponse);
    }

    public static async Task<IResult> QueryAuthAsync(
        HttpRequest request, SandboxCredentials credentials, CancellationToken cancellationToken)
    {
        var check = CheckComponentToken(request, credentials);
        if (!check.IsValid)
        {
            return WxResults.WechatToken(check);
        }

        var body = await WxResults.ReadAsync(request, WireJsonContext.Default.QueryAuthRequest, cancellationToken);
        if (body is null)
        {
            return WxResults.BadJson();
        }

        var redemption = credentials.AuthorizationCodes.Redeem(body.AuthorizationCode);
        if (redemption.Payload is not { } grant)
        {
            return redemption.Status == CodeStatus.Expired
                ? Refusals.Component.AuthorizationCodeExpired.Answer()
                : Refusals.Component.AuthorizationCodeInvalid.Answer();
        }

        var authorization = credentials.Grants.FindAuthorization(grant.AuthorizerAppId);
        if (authorization is not { Active: true })
        {
            return Refusals.Component.QueryAuthWithdrawn.Answer();
        }

        var token = credentials.Tokens.Issue(TokenKind.AuthorizerAccessToken, authorization.AuthorizerAppId);
        var info = new AuthorizationInfo(
            authorization.AuthorizerAppId, token.Value, token.ExpiresInSeconds, authorization.RefreshToken, FuncInfoOf(authorization));
        return WxResults.Json(new QueryAuthResponse(info), WireJsonContext.Default.QueryAuthResponse);
    }

    public static async Task<IResult> AuthorizerTokenAsync(
        HttpRequest request, SandboxCredentials credentials, CancellationToken cancellationToken)
    {
        var check = CheckComponentToken(request, credentials);
        if (!check.IsValid)
        {
            return WxResults.WechatToken(check);
        }

        var body = await WxResults.ReadAsync(request, WireJsonContext.Default.AuthorizerTokenRequest, cancellationToken);
        if (body is null)
        {
            return WxResults.BadJson();
        }

        if (string.IsNullOrEmpty(body.AuthorizerAppid))
        {
            return Refusals.Component.AuthorizerAppIdMissing.Answer();
        }

        var authorization = credentials.Grants.FindAuthorization(body.AuthorizerAppid);
        if (authorization is not { Active: true })
        {
            return Refusals.Component.NotAuthorized.Answer();
        }

        if (authorization.RefreshToken != body.AuthorizerRefreshToken)
        {
            return Refusals.Component.RefreshTokenInvalid.Answer();
        }

        var token = credentials.Tokens.Issue(TokenKind.AuthorizerAccessToken, authorization.AuthorizerAppId);
        return WxResults.Json(
            new AuthorizerTokenResponse(token.Value, token.ExpiresInSeconds, authorization.RefreshToken),
            WireJsonContext.Default.AuthorizerTokenResponse);
    }

    public static async Task<IResult> GetAuthorizerInfoAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken)
    {
        var check = CheckComponentToken(request, credentials);
        if (!check.IsValid)
        {
            return WxResults.WechatToken(check);
        }

        var body = await WxResults.ReadAsync(request, WireJsonContext.Default.AuthorizerInfoRequest, cancellationToken);
        if (body is null)
        {
            return WxResults.BadJson();
        }

        if (string.IsNullOrEmpty(body.AuthorizerAppid))
        {
            return Refusals.Component.AuthorizerAppIdMissing.Answer();
        }

        var account = world.FindAccount(body.AuthorizerAppid);
        var authorization = credentials.Grants.FindAuthorization(body.AuthorizerAppid);
        if (account is null || authorization is not { Active: true })
        {
            return Refusals.Component.NotAuthorized.Answer();
        }

        var info = new AuthorizerInfo(
            account.Nickname,
            $"https://wx.qlogo.cn/sandbox/{account.AppId}/0",
            new TypeInfo(account.Kind == AccountKind.ServiceAccount ? 2 : 0),
            new TypeInfo(account.Verified ? 0 : -1),
            account.OriginalId,
            account.PrincipalName,
            "",
            new BusinessInfo(0, 0, 0, 1, 0),
            $"https://mmbiz.qpic.cn/sandbox/{account.OriginalId}/0",
            $"{account.Nickname}, the sandbox account",
            account.Kind == AccountKind.MiniProgram ? new MiniProgramInfo([new MiniProgramCategory("汽车服务", "汽车售后")], 0) : null);
        var authorizationInfo = new AuthorizationInfo(account.AppId, null, null, authorization.RefreshToken, FuncInfoOf(authorization));
        return WxResults.Json(new AuthorizerInfoResponse(info, authorizationInfo), WireJsonContext.Default.AuthorizerInfoResponse);
    }

    public static async Task<IResult> GetAuthorizerListAsync(
        HttpRequest request, SandboxCredentials credentials, CancellationToken cancellationToken)
    {
        var check = CheckComponentToken(request, credentials);
        if (!check.IsValid)
        {
            return WxResults.WechatToken(check);
        }

        var body = await WxResults.ReadAsync(request, WireJsonContext.Default.AuthorizerListRequest, cancellationToken);
        if (body is null)
        {
            return WxResults.BadJson();
        }

        if (body.Count is < 1 or > 500 || body.Offset < 0)
        {
            return Refusals.Component.AuthorizerListArgs.Answer();
        }

        var all = credentials.Grants.ActiveAuthorizations();
        var page = all.Skip(body.Offset).Take(body.Count)
            .Select(a => new AuthorizerListItem(a.AuthorizerAppId, a.RefreshToken, a.AuthorizedAt.ToUnixTimeSeconds()))
            .ToList();
        return WxResults.Json(new AuthorizerListResponse(all.Count, page), WireJsonContext.Default.AuthorizerListResponse);
    }

    /// <summary>Component APIs take the token as component_access_token, newer docs as access_token.</summary>
    public static TokenCheck CheckComponentToken(HttpRequest request, SandboxCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var value = request.Query["component_access_token"].FirstOrDefault() ?? request.Query["access_token"].FirstOrDefault();
        return credentials.Tokens.Check(value, TokenKind.ComponentAccessToken);
    }

    private static List<FuncInfo> FuncInfoOf(Authorization authorization) =>
        [.. authorization.FuncScopes.Select(id => new FuncInfo(new FuncscopeCategory(id)))];
}
