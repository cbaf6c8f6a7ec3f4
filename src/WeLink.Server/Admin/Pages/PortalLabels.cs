using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Admin.Pages;

/// <summary>
/// The Chinese words the portal shows for the keys WeLink stores (statuses, roles, outcomes, weekdays). The pages keep
/// the key in a data attribute, so tests and scripts read the key and people read the word.
/// </summary>
public static class PortalLabels
{
    private static readonly Dictionary<string, string> Statuses = new(StringComparer.Ordinal)
    {
        [DealerStatus.Pending] = "待批准",
        [DealerStatus.Approved] = "已批准",
        [DealerStatus.Suspended] = "已暂停",
        ["not-started"] = "未开始",
        ["active"] = "已绑定",
        ["refused"] = "已拒绝",
    };

    private static readonly Dictionary<string, string> Roles = new(StringComparer.Ordinal)
    {
        [AdminRoles.Platform] = "平台管理员",
        [AdminRoles.Hq] = "品牌总部",
        [AdminRoles.Dealer] = "经销商管理员",
    };

    private static readonly Dictionary<string, string> Outcomes = new(StringComparer.Ordinal)
    {
        [AuditOutcome.Succeeded] = "成功",
        [AuditOutcome.Refused] = "被拒绝",
        [AuditOutcome.Conflict] = "冲突",
    };

    private static readonly Dictionary<string, (string Button, string Done)> Transitions = new(StringComparer.Ordinal)
    {
        [DealerTransition.Approve.Name] = ("批准", "经销商已批准。"),
        [DealerTransition.Suspend.Name] = ("暂停", "经销商已暂停。"),
        [DealerTransition.Reinstate.Name] = ("恢复", "经销商已恢复。"),
    };

    /// <summary>The menu button types the menu page offers, as HQ reads them.</summary>
    public static IReadOnlyList<(string Type, string Label)> MenuTypes { get; } =
        [(BrandMenu.ClickType, "点击（发送事件）"), (BrandMenu.ViewType, "网页"), (BrandMenu.MiniProgramType, "小程序页面")];

    public static string Status(string status) => Statuses.GetValueOrDefault(status, status);

    public static string Role(string? role) => role is null ? "" : Roles.GetValueOrDefault(role, role);

    public static string Outcome(string outcome) => Outcomes.GetValueOrDefault(outcome, outcome);

    public static string Button(DealerTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return Transitions[transition.Name].Button;
    }

    public static string Done(DealerTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return Transitions[transition.Name].Done;
    }

    /// <summary>A weekday as the calendar form names its fields (monday …).</summary>
    public static string Weekday(string day) => Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var weekday) ? ChineseWeekdays.Of(weekday) : day;
}
