namespace WeLink.Server.Calendars;

/// <summary>The holidays every dealer of the brand inherits; <see cref="Version"/> is 0 until HQ records a list.</summary>
public sealed record BrandHolidays(Guid BrandId, IReadOnlyList<CalendarHoliday> Holidays, int Version);
