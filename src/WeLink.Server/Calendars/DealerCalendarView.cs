namespace WeLink.Server.Calendars;

/// <summary>
/// A dealer's calendar as admins see it: what is recorded (or the default, with <see cref="Version"/> 0 until something
/// is), and the brand holidays it inherits.
/// </summary>
public sealed record DealerCalendarView(
    Guid DealerId,
    Guid BrandId,
    DealerCalendar Calendar,
    IReadOnlyList<CalendarHoliday> BrandHolidays,
    int Version)
{
    public bool Recorded => Version > 0;
}
