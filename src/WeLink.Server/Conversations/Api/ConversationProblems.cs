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

    private static ProblemHttpResult Conflict(string reason, string title, string detail, Dictionary<string, object?> extensions)
    {
        extensions["reason"] = reason;
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title, extensions: extensions);
    }
}
