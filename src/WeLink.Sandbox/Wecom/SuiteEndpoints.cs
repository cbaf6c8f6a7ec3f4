using Microsoft.Extensions.Options;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Hosting;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Wecom;

/// <summary>The WeCom third-party app ("suite") service APIs on the WeCom host (protocol.md §3).</summary>
public static class SuiteEndpoints
{
    public static readonly TimeSpan PreAuthCodeLifetime = TimeSpan.FromSeconds(1200);
    public static readonly TimeSpan InstallCodeLifetime = TimeSpan.FromSeconds(600);
    public static readonly TimeSpan OAuthCodeLifetime = TimeSpan.FromSeconds(300);
    public static readonly TimeSpan UserTicketLifetime = TimeSpan.FromSeconds(1800);

    public static IEndpointRouteBuilder MapSuiteEndpoints(this IEndpointRouteBuilder wecom)
    {
        var service = wecom.MapGroup("/cgi-bin/service");
        service.MapPost("/get_suite_token", SuiteTokenAsync);

        // Every other service API needs a live suite_access_token; the check is said once, here.
        var guarded = service.MapGroup(string.Empty).AddEndpointFilter(RequireSuiteTokenAsync);
        guarded.MapGet("/get_pre_auth_code", GetPreAuthCode);
        guarded.MapPost("/set_session_info", SetSessionInfoAsync);
        guarded.MapPost("/get_permanent_code", PermanentCodeAsync);
        guarded.MapPost("/v2/get_permanent_code", PermanentCodeV2Async);
        guarded.MapPost("/get_auth_info", AuthInfoAsync);
        guarded.MapPost("/v2/get_auth_info", AuthInfoAsync);
        guarded.MapPost("/get_corp_token", CorpTokenAsync);
        guarded.MapGet("/auth/getuserinfo3rd", UserInfo3rd);
        guarded.MapGet("/getuserinfo3rd", UserInfo3rd);
        guarded.MapPost("/auth/getuserdetail3rd", UserDetail3rdAsync);
        guarded.MapPost("/getuserdetail3rd", UserDetail3rdAsync);
        return wecom;
    }

    public static async Task<IResult> SuiteTokenAsync(
        HttpRequest request, IOptions<SandboxOptions> options, SandboxCredentials credentials, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, WireJsonContext.Default.SuiteTokenRequest, cancellationToken);
        if (body is null)
        {
            return WxResults.BadJson();
        }

        var suite = options.Value.Suite;
        if (body.SuiteId != suite.SuiteId)
        {
            return Refusals.Suite.SuiteIdUnknown.Answer();
        }

        if (body.SuiteSecret != suite.SuiteSecret)
        {
            return Refusals.Suite.SuiteSecretWrong.Answer();
        }

        if (credentials.Tickets.Check(TicketKind.SuiteTicket, body.SuiteTicket) != TicketStatus.Valid)
        {
            return Refusals.Suite.SuiteTicketInvalid.Answer();
        }

        var token = credentials.Tokens.Issue(TokenKind.SuiteAccessToken, suite.SuiteId);
        return WxResults.Json(new SuiteTokenResponse(token.Value, token.ExpiresInSeconds), WireJsonContext.Default.SuiteTokenResponse);
    }

    public static IResult GetPreAuthCode(SandboxCredentials credentials)
    {
        var code = credentials.SuitePreAuthCodes.Issue(new SuitePreAuthGrant(), PreAuthCodeLifetime);
        return WxResults.Json(
            new SuitePreAuthCodeResponse(0, "ok", code, (int)PreAuthCodeLifetime.TotalSeconds),
            WireJsonContext.Default.SuitePreAuthCodeResponse);
    }

    public static async Task<IResult> SetSessionInfoAsync(
        HttpRequest request, SandboxCredentials credentials, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, WireJsonContext.Default.SetSessionInfoRequest, cancellationToken);
        if (body?.SessionInfo is null)
        {
            return WxResults.BadJson();
        }

        var preAuth = credentials.SuitePreAuthCodes.Inspect(body.PreAuthCode);
        if (preAuth.Payload is not { } grant)
        {
            return (preAuth.Status == CodeStatus.Expired ? Refusals.Suite.PreAuthCodeExpired : Refusals.Suite.PreAuthCodeInvalid).Answer();
        }

        if (body.SessionInfo.AuthType is not (0 or 1))
        {
            return Refusals.Suite.SessionAuthType.Answer();
        }

        grant.AuthType = body.SessionInfo.AuthType;
        return WxResults.Ok();
    }

    public static async Task<IResult> PermanentCodeAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken)
    {
        var (installation, corp, error) = await RedeemInstallCodeAsync(request, credentials, world, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var token = credentials.Tokens.Issue(TokenKind.CorpAccessToken, corp!.CorpId);
        return WxResults.Json(
            new PermanentCodeResponse(
                0,
                "ok",
                token.Value,
                token.ExpiresInSeconds,
                installation!.PermanentCode,
                CorpInfoOf(corp),
                AuthInfoOf(installation),
                AdminOf(world, installation),
                installation.State),
            WireJsonContext.Default.PermanentCodeResponse);
    }

    public static async Task<IResult> PermanentCodeV2Async(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken)
    {
        var (installation, corp, error) = await RedeemInstallCodeAsync(request, credentials, world, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        return WxResults.Json(
            new PermanentCodeV2Response(
                0,
                "ok",
                installation!.PermanentCode,
                new AuthCorpBrief(corp!.CorpId, corp.Name),
                AdminOf(world, installation),
                installation.State),
            WireJsonContext.Default.PermanentCodeV2Response);
    }

    public static async Task<IResult> AuthInfoAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, WireJsonContext.Default.AuthInfoRequest, cancellationToken);
        if (body is null)
        {
            return WxResults.BadJson();
        }

        if (FindLiveInstallation(credentials, body.AuthCorpid, body.PermanentCode) is not { } installation
            || world.FindCorp(installation.CorpId) is not { } corp)
        {
            return Refusals.Suite.PermanentCodeInvalid.Answer();
        }

        return WxResults.Json(
            new AuthInfoResponse(0, "ok", CorpInfoOf(corp), AuthInfoOf(installation)),
            WireJsonContext.Default.AuthInfoResponse);
    }

    public static async Task<IResult> CorpTokenAsync(
        HttpRequest request, SandboxCredentials credentials, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, WireJsonContext.Default.CorpTokenRequest, cancellationToken);
        if (body is null)
        {
            return WxResults.BadJson();
        }

        if (FindLiveInstallation(credentials, body.AuthCorpid, body.PermanentCode) is not { } installation)
        {
            return Refusals.Suite.PermanentCodeInvalid.Answer();
        }

        var token = credentials.Tokens.Issue(TokenKind.CorpAccessToken, installation.CorpId);
        return WxResults.Json(new CorpTokenResponse(token.Value, token.ExpiresInSeconds), WireJsonContext.Default.CorpTokenResponse);
    }

    public static IResult UserInfo3rd(HttpRequest request, SandboxCredentials credentials, SandboxWorld world)
    {
        var code = request.Query["code"].FirstOrDefault();
        if (string.IsNullOrEmpty(code))
        {
            return Refusals.Suite.OAuthCodeMissing.Answer();
        }

        var redemption = credentials.StaffOAuthCodes.Redeem(code);
        if (redemption.Payload is not { } grant || world.FindStaff(grant.CorpId, grant.UserId) is not { } staff)
        {
            return Refusals.Suite.OAuthCodeInvalid.Answer();
        }

        var userTicket = grant.Scope == "snsapi_privateinfo" ? credentials.UserTickets.Issue(grant, UserTicketLifetime) : null;
        return WxResults.Json(
            new UserInfo3rdResponse(
                0,
                "ok",
                grant.CorpId,
                staff.UserId,
                staff.OpenUserId,
                userTicket,
                userTicket is null ? null : (int)UserTicketLifetime.TotalSeconds),
            WireJsonContext.Default.UserInfo3rdResponse);
    }

    public static async Task<IResult> UserDetail3rdAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, WireJsonContext.Default.UserDetail3rdRequest, cancellationToken);
        if (body is null)
        {
            return WxResults.BadJson();
        }

        if (string.IsNullOrEmpty(body.UserTicket))
        {
            return Refusals.Suite.UserTicketMissing.Answer();
        }

        // A user_ticket may be read several times until it expires.
        var ticket = credentials.UserTickets.Inspect(body.UserTicket);
        if (ticket.Payload is not { } grant || world.FindStaff(grant.CorpId, grant.UserId) is not { } staff)
        {
            return (ticket.Status == CodeStatus.Expired ? Refusals.Suite.UserTicketExpired : Refusals.Suite.UserTicketInvalid).Answer();
        }

        return WxResults.Json(
            new UserDetail3rdResponse(
                0, "ok", grant.CorpId, staff.UserId, staff.Name, "0", AvatarOf(staff), "", staff.Mobile, "", "", ""),
            WireJsonContext.Default.UserDetail3rdResponse);
    }

    private static async ValueTask<object?> RequireSuiteTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var check = CheckSuiteToken(http.Request, http.RequestServices.GetRequiredService<SandboxCredentials>());
        return check.IsValid ? await next(context) : WxResults.SuiteToken(check);
    }

    public static TokenCheck CheckSuiteToken(HttpRequest request, SandboxCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        return credentials.Tokens.Check(request.Query["suite_access_token"].FirstOrDefault(), TokenKind.SuiteAccessToken);
    }

    private static async Task<(Installation? Installation, WecomCorp? Corp, IResult? Error)> RedeemInstallCodeAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, WireJsonContext.Default.PermanentCodeRequest, cancellationToken);
        if (body is null)
        {
            return (null, null, WxResults.BadJson());
        }

        var redemption = credentials.InstallCodes.Redeem(body.AuthCode);
        if (redemption.Payload is not { } grant
            || credentials.Grants.FindInstallation(grant.CorpId) is not { Active: true } installation
            || world.FindCorp(grant.CorpId) is not { } corp)
        {
            return (null, null, Refusals.Suite.AuthCodeInvalid.Answer());
        }

        return (installation, corp, null);
    }

    private static Installation? FindLiveInstallation(SandboxCredentials credentials, string? corpId, string? permanentCode) =>
        corpId is not null
        && credentials.Grants.FindInstallation(corpId) is { Active: true } installation
        && installation.PermanentCode == permanentCode
            ? installation
            : null;

    private static AuthCorpInfo CorpInfoOf(WecomCorp corp) => new(
        corp.CorpId,
        corp.Name,
        "verified",
        $"https://p.qlogo.cn/sandbox/{corp.CorpId}/0",
        200,
        corp.FullName,
        0,
        1,
        $"https://open.work.weixin.qq.com/sandbox/{corp.CorpId}/qr",
        "1-50 people",
        "Automotive",
        "Car sales and service");

    private static AuthInfo AuthInfoOf(Installation installation) => new(
    [
        new AgentInfo(
            installation.AgentId,
            "WeLink",
            "https://p.qlogo.cn/sandbox/welink/round",
            "https://p.qlogo.cn/sandbox/welink/square",
            0,
            false,
            false,
            new AgentPrivilege(1, [1], [], [], [], [], [])),
    ]);

    private static AuthUserInfo AdminOf(SandboxWorld world, Installation installation)
    {
        var admin = world.FindStaff(installation.CorpId, installation.AdminUserId);
        return new AuthUserInfo(
            installation.AdminUserId,
            admin?.OpenUserId ?? installation.AdminUserId,
            admin?.Name ?? "",
            admin is null ? "" : AvatarOf(admin));
    }

    private static string AvatarOf(StaffMember staff) => $"https://wework.qpic.cn/sandbox/{staff.UserId}/0";
}
