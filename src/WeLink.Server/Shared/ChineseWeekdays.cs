namespace WeLink.Server.Shared;

/// <summary>How people here name the days of the week (周一 … 周日), for every page and answer that shows one.</summary>
public static class ChineseWeekdays
{
    private static readonly string[] Names = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    public static string Of(DayOfWeek day) => Names[(int)day];
}
