using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Wechat.Http;

namespace WeLink.Server.Identities.MiniPrograms;

/// <summary>Why a mini-program sign-in stops, in Chinese the page shows as it is.</summary>
public static class MiniProgramRefusals
{
    public const string DealerField = "dealerId";

    private const string Title = "登录未完成";

    /// <summary>A login code or refresh token that is unknown, expired, used or revoked: the page logs in again.</summary>
    public static ProblemHttpResult SessionExpired() => Refuse(StatusCodes.Status401Unauthorized, "登录已失效，请重新进入小程序");

    public static ProblemHttpResult NotMiniProgramSession() =>
        Refuse(StatusCodes.Status409Conflict, "从公众号进入时不能切换经销商，请在小程序中选择");

    public static ProblemHttpResult UnknownMiniProgram() =>
        Refuse(StatusCodes.Status404NotFound, "这个小程序还没有接入 WeLink，请联系品牌方");

    public static ValidationProblem Missing(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: Title);

    /// <summary>The dealer is another brand's, not approved, not linked, or names nothing: 422 naming the field, nothing changed.</summary>
    public static ProblemHttpResult UnknownDealer()
    {
        const string message = "这家经销商不在本品牌的服务网络中，请重新选择";
        return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [DealerField] = [message] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = Title,
            Detail = message,
        });
    }

    public static ProblemHttpResult PlatformFailed(WechatApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Refuse(StatusCodes.Status502BadGateway, $"微信暂时无法确认您的身份，请稍后再试（错误码 {error.Errcode}）");
    }

    private static ProblemHttpResult Refuse(int status, string detail) => TypedResults.Problem(detail, statusCode: status, title: Title);
}
