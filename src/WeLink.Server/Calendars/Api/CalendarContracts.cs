using System.ComponentModel.DataAnnotations;
using WeLink.Server.Shared;

namespace WeLink.Server.Calendars.Api;

/// <summary>
/// PUT body of a dealer's calendar. <c>weeklyHours</c> maps monday … sunday to <c>HH:mm-HH:mm</c> ranges (a weekday left
/// out is closed); dates are <c>yyyy-MM-dd</c> in the dealer's time zone. <c>version</c> is the one read (0 while none
/// is recorded); a stale one answers 409.
/// </summary>
public sealed record DealerCalendarRequest(
    [StringLength(TextLimits.Code)] string? TimeZone,
    IReadOnlyDictionary<string, IReadOnlyList<string?>?>? WeeklyHours,
    IReadOnlyList<HolidayEntry?>? Holidays,
    IReadOnlyList<WorkingDayEntry?>? WorkingDays,
    int Version);

/// <summary>A dealer's calendar; <c>recorded</c> is false while the default applies. <c>brandHolidays</c> are inherited.</summary>
public sealed record DealerCalendarResponse(
    Guid DealerId,
    Guid BrandId,
    bool Recorded,
    string TimeZone,
    IReadOnlyDictionary<string, IReadOnlyList<string>> WeeklyHours,
    IReadOnlyList<HolidayEntry> Holidays,
    IReadOnlyList<WorkingDayEntry> WorkingDays,
    IReadOnlyList<HolidayEntry> BrandHolidays,
    int Version);

/// <summary>PUT body of a brand's holidays; <c>version</c> as for a dealer calendar.</summary>
public sealed record BrandHolidaysRequest(IReadOnlyList<HolidayEntry?>? Holidays, int Version);

public sealed record BrandHolidaysResponse(Guid BrandId, IReadOnlyList<HolidayEntry> Holidays, int Version);

public sealed record HolidayEntry([StringLength(TextLimits.Code)] string? Date, [StringLength(TextLimits.Name)] string? Name);

public sealed record WorkingDayEntry([StringLength(TextLimits.Code)] string? Date, IReadOnlyList<string?>? Hours, [StringLength(TextLimits.Name)] string? Name);
