using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Tenancy.Access;
using WeLink.Wechat.Http;

namespace WeLink.Server.Identities.MiniPrograms;

/// <summary>
/// Consumer sessions of the brand's mini program (protocol-wave2.md §1.2): the wx.login code becomes the consumer's openid
/// through the component's jscode2session, the openid a <c>consumers</c> row once a dealer is in context, and the session a
/// short-lived bearer token with a single-use refresh token. The dealer in context comes from the page (the dealer whose
/// menu or message was opened) and may be only one of the brand's active dealers; whatever the dealer, the consumer's
/// record is the same, so they see their own requests only.
/// </summary>
public static class MiniProgramSessionEndpoints
{
    public const string SessionsPath = "/api/consumer/miniprogram/sessions";

    private const string LoggerName = "WeLink.Server.Identities.MiniProgramSignIn";
    private const string Kind = "Mini-program";

    public static IEndpointRouteBuilder MapMiniProgramSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup(SessionsPath).WithTags("Consumer: mini-program sessions");
        sessions.MapPost("/", SignInAsync).AllowAnonymous();
        sessions.MapPost("/refresh", RefreshAsync).AllowAnonymous();
        sessions.MapPost("/dealer", SwitchDealerAsync).RequireAuthorization(WeLinkPolicies.BrandConsumer);
        return app;
    }

    /// <summary>
    /// Signs in with a wx.login code. The dealer is checked before the code is spent, so a refused dealer leaves the code
    /// usable and nothing stored.
    /// </summary>
    public static async Task<Results<Ok<MiniProgramSessionResponse>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        MiniProgramSignInRequest request, [AsParameters] MiniProgramSessionServices services)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.AppId))
        {
            return MiniProgramRefusals.Missing("appId", "缺少小程序 appId");
        }

        if (string.IsNullOrWhiteSpace(request.Code))
        {
            return MiniProgramRefusals.Missing("code", "缺少登录凭证，请重新进入小程序");
        }

        var cancellationToken = services.CancellationToken;
        if (await services.MiniPrograms.FindByAppIdAsync(request.AppId, cancellationToken) is not { Active: true } miniProgram)
        {
            return MiniProgramRefusals.UnknownMiniProgram();
        }

        if (request.DealerId is { } wanted && await services.Dealers.FindActiveAsync(miniProgram.BrandId, wanted, cancellationToken) is null)
        {
            return MiniProgramRefusals.UnknownDealer();
        }

        var logger = services.Loggers.CreateLogger(LoggerName);
        string openId;
        string? unionId;
        try
        {
            var session = await services.Component.ExchangeMiniProgramLoginCodeAsync(miniProgram.AppId, request.Code, cancellationToken);
            (openId, unionId) = (session.Openid, string.IsNullOrEmpty(session.Unionid) ? null : session.Unionid);
        }
        catch (WechatApiException e) when (SignInRefusals.IsSpentCode(e))
        {
            logger.SignInRefused(Kind, "code invalid, used or expired");
            return MiniProgramRefusals.SessionExpired();
        }
        catch (WechatApiException e) when (e.Errcode == 61003)
        {
            logger.SignInRefused(Kind, "the mini program no longer authorizes the component");
            return MiniProgramRefusals.UnknownMiniProgram();
        }
        catch (WechatApiException e)
        {
            logger.SignInPlatformFailed(Kind, e.ApiPath, e.Errcode);
            return MiniProgramRefusals.PlatformFailed(e);
        }

        var context = new MiniProgramSessionContext(
            Guid.CreateVersion7(), miniProgram.BrandId, miniProgram.AppId, openId, unionId,
            await services.Consumers.FindIdAsync(miniProgram.AppId, openId, cancellationToken), null);
        context = await InDealerAsync(context, request.DealerId, services.Consumers, cancellationToken);
        var refreshToken = await services.Sessions.StartAsync(context, cancellationToken);
        logger.MiniProgramSignedIn(context.FamilyId, context.BrandId, context.DealerId);
        return TypedResults.Ok(services.Tokens.Issue(context, refreshToken));
    }

    /// <summary>A new pair for a refresh token, which is spent; the dealer stays in context while it is still active.</summary>
    public static async Task<Results<Ok<MiniProgramSessionResponse>, ValidationProblem, ProblemHttpResult>> RefreshAsync(
        MiniProgramRefreshRequest request, [AsParameters] MiniProgramSessionServices services)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return MiniProgramRefusals.Missing("refreshToken", "缺少刷新凭证，请重新进入小程序");
        }

        var refreshed = await services.Sessions.RefreshAsync(
            request.RefreshToken,
            async (current, ct) => current.DealerId is { } dealerId && await services.Dealers.FindActiveAsync(current.BrandId, dealerId, ct) is null
                ? current with { DealerId = null }
                : current,
            services.CancellationToken);
        return refreshed is { } pair
            ? TypedResults.Ok(services.Tokens.Issue(pair.Context, pair.RefreshToken))
            : MiniProgramRefusals.SessionExpired();
    }

    /// <summary>
    /// Puts another of the brand's active dealers in context: a new pair, the family's old refresh token spent. An
    /// official-account cookie session belongs to its dealer's account and cannot switch (409).
    /// </summary>
    public static async Task<Results<Ok<MiniProgramSessionResponse>, ValidationProblem, ProblemHttpResult>> SwitchDealerAsync(
        MiniProgramDealerRequest request, ClaimsPrincipal user, [AsParameters] MiniProgramSessionServices services)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = services.CancellationToken;
        if (MiniProgramTokens.FamilyOf(user) is not { } family)
        {
            return MiniProgramRefusals.NotMiniProgramSession();
        }

        if (await services.Sessions.FindFamilyAsync(family, cancellationToken) is not { } current)
        {
            return MiniProgramRefusals.SessionExpired();
        }

        if (request.DealerId is not { } dealerId || await services.Dealers.FindActiveAsync(current.BrandId, dealerId, cancellationToken) is null)
        {
            return MiniProgramRefusals.UnknownDealer();
        }

        var context = await InDealerAsync(current, dealerId, services.Consumers, cancellationToken);
        var refreshToken = await services.Sessions.ReplaceAsync(context, cancellationToken);
        return TypedResults.Ok(services.Tokens.Issue(context, refreshToken));
    }

    /// <summary>The context with the dealer in it; the consumer's row is made with the first dealer they come through.</summary>
    private static async Task<MiniProgramSessionContext> InDealerAsync(
        MiniProgramSessionContext context, Guid? dealerId, ConsumerStore consumers, CancellationToken cancellationToken)
    {
        if (dealerId is not { } dealer)
        {
            return context;
        }

        var consumerId = await consumers.SignInToMiniProgramAsync(
            new DealerAccount(dealer, context.BrandId, context.AppId, IsLive: true), context.OpenId, context.UnionId, cancellationToken);
        return context with { ConsumerId = consumerId, DealerId = dealer };
    }
}
