using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Wechat.Http;

namespace WeLink.Server.Identities;

/// <summary>Why a sign-in stops, as ProblemDetails a person can act on.</summary>
public static class SignInRefusals
{
    private const string Title = "Sign-in refused";

    public static ProblemHttpResult NotLocalReturnUrl() =>
        Refuse(StatusCodes.Status400BadRequest, "returnUrl must be a path on this site, such as /member.");

    public static ProblemHttpResult UnknownScope() =>
        Refuse(StatusCodes.Status400BadRequest, "scope must be base or userinfo.");

    public static ProblemHttpResult UnknownDealer() =>
        Refuse(StatusCodes.Status404NotFound, "No dealer has this id; open the link from the dealer's official account again.");

    public static ProblemHttpResult AccountNotLive() =>
        Refuse(
            StatusCodes.Status403Forbidden,
            "This dealer's official account is not linked to WeLink right now (never linked, authorization withdrawn, "
            + "or the dealer is suspended); sign-in works again once the dealer re-authorizes.");

    public static ProblemHttpResult StateRefused() =>
        Refuse(
            StatusCodes.Status400BadRequest,
            "This sign-in was not started in this browser, was already used, or took longer than 10 minutes; start again.");

    public static ProblemHttpResult ConsentDenied() =>
        Refuse(StatusCodes.Status403Forbidden, "You declined to let the account identify you, so you are not signed in.");

    public static ProblemHttpResult CodeSpent() =>
        Refuse(StatusCodes.Status400BadRequest, "The sign-in code was already used or has expired; start again.");

    public static ProblemHttpResult PlatformFailed(WechatApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Refuse(
            StatusCodes.Status502BadGateway,
            $"WeChat did not confirm who you are (errcode {error.Errcode}); try again in a moment.");
    }

    public static ProblemHttpResult NotCorpMember() =>
        Refuse(StatusCodes.Status403Forbidden, "You are not a member of a WeCom organisation that installed WeLink.");

    public static ProblemHttpResult CorpNotLive() =>
        Refuse(
            StatusCodes.Status403Forbidden,
            "Your WeCom organisation is not linked to a dealer in WeLink, its WeLink app was uninstalled, or the dealer is suspended.");

    public static ProblemHttpResult NotInVisibleRange() =>
        Refuse(
            StatusCodes.Status403Forbidden,
            "You are not in the WeLink app's visible range of your organisation; ask your WeCom admin to add you.");

    /// <summary>
    /// Codes that cannot be redeemed: invalid (40029, 61009), used (40163), expired (42003). The user must start
    /// again; anything else is WeChat failing, not the user.
    /// </summary>
    public static bool IsSpentCode(WechatApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Errcode is 40029 or 40163 or 42003 or 61009;
    }

    private static ProblemHttpResult Refuse(int status, string detail) => TypedResults.Problem(detail, statusCode: status, title: Title);
}
