using WeLink.Server.Calendars.Api;

namespace WeLink.Server.Calendars.Contracts;

/// <summary>
/// The portal's business-hours form as text a person types: per weekday <c>09:00-12:00, 13:00-18:00</c>; one holiday a
/// line (<c>2026-10-01 国庆节</c>); one working day a line (<c>2026-09-27 09:00-18:00 调休</c>). It reads into the API's
/// request, so the portal and the API refuse the same things with the same words.
/// </summary>
public sealed record CalendarFormText(string TimeZone, IReadOnlyDictionary<string, string> Week, string Holidays, string WorkingDays)
{
    /// <summary>The weekday field names, Monday first.</summary>
    public static IReadOnlyList<string> Weekdays { get; } = [.. DealerCalendar.Week.Select(CalendarRequestReader.Text)];

    internal static CalendarFormText From(DealerCalendarResponse calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new CalendarFormText(
            calendar.TimeZone,
            calendar.WeeklyHours.ToDictionary(p => p.Key, p => string.Join(", ", p.Value)),
            string.Join('\n', calendar.Holidays.Select(h => $"{h.Date} {h.Name}".TrimEnd())),
            string.Join('\n', calendar.WorkingDays.Select(w => $"{w.Date} {string.Join(',', w.Hours ?? [])} {w.Name}".TrimEnd())));
    }

    internal DealerCalendarRequest ToRequest(int version) => new(
        TimeZone.Trim(),
        Week.ToDictionary(p => p.Key, p => (IReadOnlyList<string?>?)[.. p.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]),
        [.. Lines(Holidays).Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries)).Select(p => new HolidayEntry(p[0], p.ElementAtOrDefault(1)))],
        [.. Lines(WorkingDays).Select(l => l.Split(' ', 3, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(p => new WorkingDayEntry(p[0], [.. (p.ElementAtOrDefault(1) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)], p.ElementAtOrDefault(2)))],
        version);

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
