using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace WeLink.Server.Conversations.Api;

/// <summary>The refusals of the conversation API, each with a <c>reason</c> the app can branch on and a Chinese <c>detail</c>.</summary>
public static class ConversationProblems
{
    public const string WindowClosedReason = "WindowClosed";
    public const string ClosedReason = "Closed";

    public static ProblemHttpResult WindowClosed(DateTimeOffset closedAt) => Conflict(
        WindowClosedReason,
        "The consumer wrote more than 48 hours ago; WeChat takes no customer-service message now.",
        "客户已超过 48 小时未发消息，微信不允许再主动回复；可以发送模板消息邀请客户回来",
        new Dictionary<string, object?> { ["windowClosedAt"] = closedAt.ToString("O", CultureInfo.InvariantCulture) });

    public const string InvitedTodayReason = "InvitedToday";

    public static ProblemHttpResult InvitedToday() => TypedResults.Problem(
        "今天已经邀请过这位客户，24 小时内只能发送一次邀请。",
        statusCode: StatusCodes.Status429TooManyRequests,
        title: "An invitation was sent to this consumer within the last 24 hours.",
        extensions: new Dictionary<string, object?> { ["reason"] = InvitedTodayReason });

    public static ProblemHttpResult Closed() => Conflict(ClosedReason, "The conversation is closed.", "该会话已结束，不能再回复。", []);

    public static ProblemHttpResult ClosedForComplaint() =>
        Conflict(ClosedReason, "The conversation is closed.", "该会话已结束，不能再转为投诉；客户再发消息会开始新的会话。", []);

    public const string AlreadyFiledReason = "AlreadyFiled";

    /// <summary>Filed before by another request; <c>caseId</c> is the case the app opens instead.</summary>
    public static ProblemHttpResult AlreadyFiled(Guid caseId) => Conflict(
        AlreadyFiledReason, "The conversation was filed as a complaint already.", "该会话已经转为投诉。", new Dictionary<string, object?> { ["caseId"] = caseId });

    public const string DealerNotLinkedReason = "DealerNotLinked";

    public static ProblemHttpResult DealerNotLinked() => Conflict(
        DealerNotLinkedReason, "The dealer cannot take complaints right now.", "经销商的公众号或企业微信尚未接入，暂时不能受理投诉。", []);

    public static ProblemHttpResult NotFiled() => TypedResults.Problem(
        "投诉未能受理，请稍后再试。", statusCode: StatusCodes.Status409Conflict, title: "The complaint was not filed.");

    private static ProblemHttpResult Conflict(string reason, string title, string detail, Dictionary<string, object?> extensions)
    {
        extensions["reason"] = reason;
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title, extensions: extensions);
    }
}
