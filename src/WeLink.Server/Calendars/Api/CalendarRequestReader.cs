using System.Globalization;
using System.Text.RegularExpressions;
using WeLink.Server.Shared;
using WeLink.Workflow.Time;

namespace WeLink.Server.Calendars.Api;

/// <summary>
/// Reads calendar requests into <see cref="DealerCalendar"/> and holiday lists, naming every problem at its JSON path
/// (<c>weeklyHours.monday[1]</c>, <c>workingDays[0].date</c>) rather than stopping at the first.
/// </summary>
internal static partial class CalendarRequestReader
{
    public const int MaxDates = 400;
    public const int MaxRangesPerDay = 8;
    public const int MaxNameLength = TextLimits.Name;
    private const string DateFormat = "yyyy-MM-dd";

    private static readonly Dictionary<string, DayOfWeek> Weekdays = DealerCalendar.Week.ToDictionary(Text, StringComparer.OrdinalIgnoreCase);

    public static DealerCalendar? Read(DealerCalendarRequest request, RequestProblems problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problems);
        ReadVersion(request.Version, problems);
        var timeZone = ReadTimeZone(request.TimeZone, problems);
        var weekly = ReadWeek(request.WeeklyHours, problems);
        var holidays = ReadHolidays(request.Holidays, "holidays", problems);
        var workingDays = ReadWorkingDays(request.WorkingDays, holidays, problems);
        return problems.Any ? null : new DealerCalendar(timeZone!, weekly, holidays, workingDays);
    }

    public static IReadOnlyList<CalendarHoliday>? Read(BrandHolidaysRequest request, RequestProblems problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problems);
        ReadVersion(request.Version, problems);
        var holidays = ReadHolidays(request.Holidays, "holidays", problems);
        return problems.Any ? null : holidays;
    }

    public static string Text(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Text(DayOfWeek day) => day.ToString().ToLowerInvariant();

    private static void ReadVersion(int version, RequestProblems problems)
    {
        if (version < 0)
        {
            problems.Add("version", "Send the version you read: 0 while nothing is recorded.");
        }
    }

    private static string? ReadTimeZone(string? id, RequestProblems problems)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add("timeZone", "A time zone is required: an IANA id such as Asia/Shanghai.");
            return null;
        }

        // The pattern keeps ids that look like paths away from the zone database lookup.
        if (id.Length > 64 || !IanaId().IsMatch(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) || !zone.HasIanaId)
        {
            problems.Add("timeZone", $"'{id}' is not an IANA time zone id such as Asia/Shanghai.");
            return null;
        }

        return id;
    }

    private static Dictionary<DayOfWeek, IReadOnlyList<OpeningRange>> ReadWeek(
        IReadOnlyDictionary<string, IReadOnlyList<string?>?>? weeklyHours, RequestProblems problems)
    {
        var week = new Dictionary<DayOfWeek, IReadOnlyList<OpeningRange>>();
        foreach (var (key, ranges) in weeklyHours ?? new Dictionary<string, IReadOnlyList<string?>?>())
        {
            var path = $"weeklyHours.{key}";
            if (!Weekdays.TryGetValue(key, out var weekday))
            {
                problems.Add(path, $"'{key}' is not a weekday; use {string.Join(", ", DealerCalendar.Week.Select(Text))}.");
            }
            else if (week.ContainsKey(weekday))
            {
                problems.Add(path, $"{Text(weekday)} is given twice.");
            }
            else
            {
                week[weekday] = ReadRanges(ranges ?? [], path, problems);
            }
        }

        if (!problems.AnyUnder("weeklyHours") && week.Values.All(r => r.Count == 0))
        {
            problems.Add("weeklyHours", "At least one weekday needs opening hours: business time never passes in a calendar that is never open.");
        }

        return week;
    }

    /// <summary>The ranges of one day, in order; malformed ones and overlaps are named by their index in the request.</summary>
    private static List<OpeningRange> ReadRanges(IReadOnlyList<string?> texts, string path, RequestProblems problems)
    {
        if (texts.Count > MaxRangesPerDay)
        {
            problems.Add(path, $"At most {MaxRangesPerDay} opening ranges a day.");
            return [];
        }

        var parsed = new List<(int Index, OpeningRange Range)>();
        for (var i = 0; i < texts.Count; i++)
        {
            try
            {
                parsed.Add((i, OpeningRange.Parse(texts[i] ?? throw new FormatException("An opening range is HH:mm-HH:mm, e.g. 09:00-18:00."))));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                problems.Add($"{path}[{i}]", e.Message);
            }
        }

        var ordered = parsed.OrderBy(p => p.Range.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Range.Start < ordered[i - 1].Range.End)
            {
                problems.Add($"{path}[{ordered[i].Index}]", $"{ordered[i].Range} overlaps {ordered[i - 1].Range} (at [{ordered[i - 1].Index}]).");
            }
        }

        return [.. ordered.Select(p => p.Range)];
    }

    private static List<CalendarHoliday> ReadHolidays(IReadOnlyList<HolidayEntry?>? entries, string path, RequestProblems problems)
    {
        var holidays = new List<CalendarHoliday>();
        if (entries is null || TooMany(entries, path, problems))
        {
            return holidays;
        }

        var seen = new Dictionary<DateOnly, int>();
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"{path}[{i}]";
            var entry = entries[i];
            var name = ReadName(entry?.Name, at, problems);
            if (ReadDate(entry?.Date, at, seen, i, problems) is { } date)
            {
                holidays.Add(new CalendarHoliday(date, name));
            }
        }

        return holidays;
    }

    private static List<CalendarWorkingDay> ReadWorkingDays(IReadOnlyList<WorkingDayEntry?>? entries, List<CalendarHoliday> holidays, RequestProblems problems)
    {
        const string path = "workingDays";
        var workingDays = new List<CalendarWorkingDay>();
        if (entries is null || TooMany(entries, path, problems))
        {
            return workingDays;
        }

        var seen = new Dictionary<DateOnly, int>();
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"{path}[{i}]";
            var entry = entries[i];
            var name = ReadName(entry?.Name, at, problems);
            var hours = ReadRanges(entry?.Hours ?? [], $"{at}.hours", problems);
            if (hours.Count == 0 && !problems.AnyUnder($"{at}.hours"))
            {
                problems.Add($"{at}.hours", "A working day needs opening hours, e.g. [\"09:00-18:00\"].");
            }

            if (ReadDate(entry?.Date, at, seen, i, problems) is not { } date)
            {
                continue;
            }

            var holiday = holidays.FindIndex(h => h.Date == date);
            if (holiday >= 0)
            {
                problems.Add($"{at}.date", $"{Text(date)} is also a holiday (holidays[{holiday}]); a date is either closed or open.");
            }

            workingDays.Add(new CalendarWorkingDay(date, hours, name));
        }

        return workingDays;
    }

    private static bool TooMany<T>(IReadOnlyList<T> entries, string path, RequestProblems problems)
    {
        if (entries.Count > MaxDates)
        {
            problems.Add(path, $"At most {MaxDates} dates.");
            return true;
        }

        return false;
    }

    /// <summary>The date of entry <paramref name="index"/>; a malformed date or one an earlier entry of the list has is a problem.</summary>
    private static DateOnly? ReadDate(string? text, string at, Dictionary<DateOnly, int> seen, int index, RequestProblems problems)
    {
        if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add($"{at}.date", text is null ? "A date is required (yyyy-MM-dd)." : $"'{text}' is not a date (yyyy-MM-dd).");
            return null;
        }

        if (seen.TryGetValue(date, out var first))
        {
            problems.Add($"{at}.date", $"{Text(date)} is listed twice (also at [{first}]).");
            return null;
        }

        seen[date] = index;
        return date;
    }

    private static string? ReadName(string? name, string at, RequestProblems problems)
    {
        var trimmed = name?.Trim();
        if (trimmed?.Length > MaxNameLength)
        {
            problems.Add($"{at}.name", $"A name has at most {MaxNameLength} characters.");
        }

        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$")]
    private static partial Regex IanaId();
}
