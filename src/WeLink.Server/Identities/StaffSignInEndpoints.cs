using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Shared;
using WeLink.Server.StaffApp.Contracts;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Wechat.Http;
using WeLink.Wechat.WeCom;
using WeLink.Wechat.WeCom.Models;

namespace WeLink.Server.Identities;

/// <summary>
/// WeCom OAuth for the third-party app (protocol.md §3.5): the code names a corp and a member; the corp's
/// link names the dealer (which the registry must not have suspended), and the member's staff row (present only inside
/// the app's visible range) names the staff member and their roles.
/// </summary>
public static class StaffSignInEndpoints
{
    public const string SignInPath = "/staff/signin";
    public const string CallbackPath = "/staff/oauth/callback";

    private const string LoggerName = "WeLink.Server.Identities.StaffSignIn";

    public static IEndpointRouteBuilder MapStaffSignInEndpoints(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").WithTags("Staff sign-in").AllowAnonymous();
        pages.MapGet(SignInPath, SignIn);
        pages.MapGet(CallbackPath, CallbackAsync);
        return app;
    }

    /// <summary>
    /// <c>?returnUrl=/path</c>: a local path to land on once signed in, by default the staff app's home. A route of the app
    /// travels in it encoded with its fragment (<c>/wecom-app/#/cases/{id}</c>), since a browser never sends a fragment.
    /// </summary>
    public static Results<RedirectHttpResult, ProblemHttpResult> SignIn(
        string? returnUrl, HttpContext http, SignInStates states, SuitePageUrls pages, PublicAddress address)
    {
        returnUrl ??= StaffAppLinks.Home;
        if (!ReturnUrl.IsLocal(returnUrl))
        {
            return SignInRefusals.NotLocalReturnUrl();
        }

        var nonce = states.Issue(http, SignInStates.Staff, returnUrl, dealerId: null, scope: null);
        var authorize = pages.StaffOAuth(address.Of(http.Request, CallbackPath), StaffOAuthScope.SnsapiBase, nonce);
        return TypedResults.Redirect(authorize.AbsoluteUri);
    }

    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> CallbackAsync(
        string? code,
        string? state,
        HttpContext http,
        SignInStates states,
        SuiteClient suite,
        [AsParameters] StaffSignInDirectories directories,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(LoggerName);
        if (states.Redeem(http, SignInStates.Staff, state) is not { } signIn)
        {
            return Refused(logger, SignInRefusals.StateRefused(), "state missing, forged, replayed or expired");
        }

        if (string.IsNullOrEmpty(code))
        {
            return Refused(logger, SignInRefusals.ConsentDenied(), "no code");
        }

        ServiceAuthGetuserinfo3rdResponse identity;
        try
        {
            identity = await suite.GetUserInfo3rdAsync(code, cancellationToken);
        }
        catch (WechatApiException e) when (SignInRefusals.IsSpentCode(e))
        {
            return Refused(logger, SignInRefusals.CodeSpent(), "code invalid, used or expired");
        }
        catch (WechatApiException e)
        {
            logger.SignInPlatformFailed(SignInStates.Staff, e.ApiPath, e.Errcode);
            return SignInRefusals.PlatformFailed("WeCom", e);
        }

        if (string.IsNullOrEmpty(identity.Corpid) || string.IsNullOrEmpty(identity.Userid))
        {
            return Refused(logger, SignInRefusals.NotCorpMember(), "not a member of an authorized corp");
        }

        var corp = await directories.Dealers.FindByCorpIdAsync(identity.Corpid, cancellationToken);
        var dealer = corp is { LinkActive: true } ? await directories.Registry.FindAsync(corp.DealerId, cancellationToken) : null;
        if (dealer is null || dealer.Status == DealerStatus.Suspended)
        {
            return Refused(logger, SignInRefusals.CorpNotLive(), "corp not linked, link suspended or dealer suspended");
        }

        var member = await directories.Staff.FindByUserIdAsync(identity.Corpid, identity.Userid, cancellationToken);
        if (member is not { Active: true } || member.DealerId != dealer.DealerId)
        {
            return Refused(logger, SignInRefusals.NotInVisibleRange(), "no active staff row");
        }

        var session = new StaffSession(member.StaffId, dealer.BrandId, dealer.DealerId, member.Roles);
        await http.SignInAsync(WeLinkSchemes.Staff, session.ToPrincipal(), new AuthenticationProperties { IsPersistent = true });
        logger.StaffSignedIn(member.StaffId, dealer.DealerId, member.Roles);
        return TypedResults.LocalRedirect(signIn.ReturnUrl);
    }

    private static ProblemHttpResult Refused(ILogger logger, ProblemHttpResult refusal, string reason)
    {
        logger.SignInRefused(SignInStates.Staff, reason);
        return refusal;
    }
}
