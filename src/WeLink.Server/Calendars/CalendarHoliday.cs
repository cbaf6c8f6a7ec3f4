namespace WeLink.Server.Calendars;

/// <summary>A date closed all day, in the dealer's time zone; the name (国庆节) is for people.</summary>
public sealed record CalendarHoliday(DateOnly Date, string? Name);
