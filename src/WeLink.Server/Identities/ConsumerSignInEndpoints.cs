using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy.Access;
using WeLink.Wechat.Http;
using WeLink.Wechat.OpenPlatform;
using WeLink.Wechat.OpenPlatform.Models;

namespace WeLink.Server.Identities;

/// <summary>
/// Consumer web OAuth on behalf of the dealer's authorized account (protocol.md §4): the sign-in link sends the
/// browser to WeChat, WeChat sends it back with a code, the code becomes the openid, and the openid becomes
/// a consumer session for that one dealer.
/// </summary>
public static class ConsumerSignInEndpoints
{
    public const string SignInPath = "/consumer/signin";
    public const string CallbackPath = "/consumer/oauth/callback";

    private const string BaseScope = "snsapi_base";
    private const string UserinfoScope = "snsapi_userinfo";
    private const string LoggerName = "WeLink.Server.Identities.ConsumerSignIn";

    public static IEndpointRouteBuilder MapConsumerSignInEndpoints(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").WithTags("Consumer sign-in").AllowAnonymous();
        pages.MapGet(SignInPath, SignInAsync);
        pages.MapGet(CallbackPath, CallbackAsync);
        return app;
    }

    /// <summary>
    /// <c>?dealer={id}&amp;scope=base|userinfo&amp;returnUrl=/path</c>: base is silent (openid only), userinfo asks the
    /// consumer and adds the nickname; the dealer's linked account runs the OAuth; returnUrl must be local.
    /// </summary>
    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignInAsync(
        string? dealer,
        string? scope,
        string? returnUrl,
        HttpContext http,
        DealerAccounts accounts,
        SignInStates states,
        ComponentPageUrls pages,
        PublicAddress address,
        CancellationToken cancellationToken)
    {
        returnUrl ??= ReturnUrl.Default;
        if (!ReturnUrl.IsLocal(returnUrl))
        {
            return SignInRefusals.NotLocalReturnUrl();
        }

        ConsumerOAuthScope? oauthScope = scope switch
        {
            null or "" or "base" => ConsumerOAuthScope.SnsapiBase,
            "userinfo" => ConsumerOAuthScope.SnsapiUserinfo,
            _ => null,
        };
        if (oauthScope is not { } granted)
        {
            return SignInRefusals.UnknownScope();
        }

        if (!Guid.TryParse(dealer, out var dealerId) || await accounts.FindOfDealerAsync(dealerId, cancellationToken) is not { } account)
        {
            return SignInRefusals.UnknownDealer();
        }

        if (!account.IsLive)
        {
            return SignInRefusals.AccountNotLive();
        }

        var scopeName = granted == ConsumerOAuthScope.SnsapiUserinfo ? UserinfoScope : BaseScope;
        var nonce = states.Issue(http, SignInStates.Consumer, returnUrl, dealerId, scopeName);
        var authorize = pages.ConsumerOAuth(account.AppId!, address.Of(http.Request, CallbackPath), granted, nonce);
        return TypedResults.Redirect(authorize.AbsoluteUri);
    }

    /// <summary>
    /// <c>?code&amp;state&amp;appid</c> from WeChat: no code means the consumer declined; state must be the nonce
    /// <see cref="SignInAsync"/> gave this browser; appid, when present, must be the dealer's account.
    /// </summary>
    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> CallbackAsync(
        string? code,
        string? state,
        string? appid,
        HttpContext http,
        DealerAccounts accounts,
        SignInStates states,
        ComponentClient component,
        ConsumerStore consumers,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(LoggerName);
        if (states.Redeem(http, SignInStates.Consumer, state) is not { DealerId: { } dealerId } signIn)
        {
            return Refused(logger, SignInRefusals.StateRefused(), "state missing, forged, replayed or expired");
        }

        if (string.IsNullOrEmpty(code))
        {
            return Refused(logger, SignInRefusals.ConsentDenied(), "consent denied");
        }

        var account = await accounts.FindOfDealerAsync(dealerId, cancellationToken);
        if (account is not { IsLive: true, AppId: { } appId } || (!string.IsNullOrEmpty(appid) && appid != appId))
        {
            return Refused(logger, SignInRefusals.AccountNotLive(), "account not live");
        }

        SnsOauth2ComponentAccessTokenResponse token;
        SnsUserinfoResponse? profile = null;
        try
        {
            token = await component.ExchangeConsumerOAuthCodeAsync(appId, code, cancellationToken);
            if (signIn.Scope == UserinfoScope && token.Scope.Contains(UserinfoScope, StringComparison.Ordinal))
            {
                profile = await component.GetConsumerUserInfoAsync(token.AccessToken, token.Openid, cancellationToken);
            }
        }
        catch (WechatApiException e) when (SignInRefusals.IsSpentCode(e))
        {
            return Refused(logger, SignInRefusals.CodeSpent(), "code invalid, used or expired");
        }
        catch (WechatApiException e)
        {
            logger.SignInPlatformFailed(SignInStates.Consumer, e.ApiPath, e.Errcode);
            return SignInRefusals.PlatformFailed("WeChat", e);
        }

        var consumerId = await consumers.SignInAsync(account, token.Openid, profile?.Unionid ?? token.Unionid, profile?.Nickname, cancellationToken);
        var session = new ConsumerSession(consumerId, account.BrandId, account.DealerId);
        await http.SignInAsync(WeLinkSchemes.Consumer, session.ToPrincipal(), new AuthenticationProperties { IsPersistent = true });
        logger.ConsumerSignedIn(consumerId, account.DealerId);
        return TypedResults.LocalRedirect(signIn.ReturnUrl);
    }

    private static ProblemHttpResult Refused(ILogger logger, ProblemHttpResult refusal, string reason)
    {
        logger.SignInRefused(SignInStates.Consumer, reason);
        return refusal;
    }
}
