using WeLink.Workflow.Time;

namespace WeLink.Workflow.Tests.Support;

internal static class Calendars
{
    private static readonly IReadOnlyList<OpeningRange> Weekday = [OpeningRange.Parse("09:00-12:00"), OpeningRange.Parse("13:00-18:00")];

    /// <summary>A Shanghai dealer: weekdays 09-12 and 13-18 (8 h), Saturday 10-16 (6 h), closed on Sunday.</summary>
    public static BusinessCalendar Shanghai(IEnumerable<DateOnly>? holidays = null, IReadOnlyDictionary<DateOnly, IReadOnlyList<OpeningRange>>? extraWorkingDays = null) =>
        new(
            "Asia/Shanghai",
            new Dictionary<DayOfWeek, IReadOnlyList<OpeningRange>>
            {
                [DayOfWeek.Monday] = Weekday,
                [DayOfWeek.Tuesday] = Weekday,
                [DayOfWeek.Wednesday] = Weekday,
                [DayOfWeek.Thursday] = Weekday,
                [DayOfWeek.Friday] = Weekday,
                [DayOfWeek.Saturday] = [OpeningRange.Parse("10:00-16:00")],
            },
            holidays,
            extraWorkingDays);

    public static BusinessCalendar BerlinOpen(string hours) =>
        new("Europe/Berlin", Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<OpeningRange>)[OpeningRange.Parse(hours)]));

    /// <summary>Shanghai wall time, e.g. <c>At(2026, 11, 25, 10, 0)</c>.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
