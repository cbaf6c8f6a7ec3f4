using WeLink.Workflow.Time;

namespace WeLink.Server.Calendars;

/// <summary>
/// A dealer's business hours as its admins record them: the time zone, weekly opening ranges, the dealer's own
/// holidays and its working days (open on a date whatever the weekday). The brand's holidays come on top
/// (<see cref="ToBusinessCalendar"/>); a dealer's working day on a brand holiday opens it anyway, since some 4S stores
/// open on public holidays.
/// <para>
/// A dealer that has recorded nothing gets <see cref="Default"/>: open every day, Monday to Sunday, 09:00–18:00 in
/// Asia/Shanghai, closed on the brand's holidays. Chinese 4S stores commonly open seven days a week, and a default that
/// is open less would stretch every business-time SLA of a dealer that has not set its hours yet.
/// </para>
/// </summary>
public sealed record DealerCalendar(
    string TimeZone,
    IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningRange>> WeeklyHours,
    IReadOnlyList<CalendarHoliday> Holidays,
    IReadOnlyList<CalendarWorkingDay> WorkingDays)
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    public static DealerCalendar Default { get; } = new(
        DefaultTimeZone,
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<OpeningRange>)[OpeningRange.Parse("09:00-18:00")]),
        [],
        []);

    /// <summary>Monday first, as people read a week; <see cref="DayOfWeek"/> starts on Sunday.</summary>
    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The calendar timers count in: these hours, with the brand's holidays except on the dealer's working days.</summary>
    public BusinessCalendar ToBusinessCalendar(IEnumerable<CalendarHoliday> brandHolidays)
    {
        var workingDays = WorkingDays.ToDictionary(d => d.Date, d => d.Hours);
        var holidays = Holidays.Select(h => h.Date)
            .Concat(brandHolidays.Select(h => h.Date).Where(d => !workingDays.ContainsKey(d)))
            .Distinct();
        return new BusinessCalendar(TimeZone, WeeklyHours, holidays, workingDays);
    }
}
