namespace WeLink.Server.Calendars.Api;

/// <summary>Calendars as the admin API writes them: weekdays monday … sunday, dates <c>yyyy-MM-dd</c>, ranges <c>HH:mm-HH:mm</c>.</summary>
internal static class CalendarJson
{
    public static DealerCalendarResponse From(DealerCalendarView view)
    {
        var calendar = view.Calendar;
        return new DealerCalendarResponse(
            view.DealerId,
            view.BrandId,
            view.Recorded,
            calendar.TimeZone,
            DealerCalendar.Week.ToDictionary(
                CalendarRequestReader.Text,
                d => (IReadOnlyList<string>)[.. (calendar.WeeklyHours.TryGetValue(d, out var ranges) ? ranges : []).Select(r => r.ToString())]),
            Holidays(calendar.Holidays),
            [.. calendar.WorkingDays.Select(w => new WorkingDayEntry(CalendarRequestReader.Text(w.Date), [.. w.Hours.Select(r => r.ToString())], w.Name))],
            Holidays(view.BrandHolidays),
            view.Version);
    }

    public static BrandHolidaysResponse From(BrandHolidays holidays) => new(holidays.BrandId, Holidays(holidays.Holidays), holidays.Version);

    private static List<HolidayEntry> Holidays(IEnumerable<CalendarHoliday> holidays) =>
        [.. holidays.OrderBy(h => h.Date).Select(h => new HolidayEntry(CalendarRequestReader.Text(h.Date), h.Name))];
}
