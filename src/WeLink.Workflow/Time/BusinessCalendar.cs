namespace WeLink.Workflow.Time;

/// <summary>
/// A dealer's opening hours in its own time zone, with holidays and extra working days (e.g. China's make-up
/// Saturdays). Business time is the real time elapsed while open, so an opening range that spans a DST change counts
/// the hours that actually pass.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>How far ahead to look for an opening before declaring the calendar closed for good.</summary>
    private const int MaxDaysWithoutOpening = 2 * 366;

    private readonly Dictionary<DayOfWeek, IReadOnlyList<OpeningRange>> _weeklyHours;
    private readonly HashSet<DateOnly> _holidays;
    private readonly Dictionary<DateOnly, IReadOnlyList<OpeningRange>> _extraWorkingDays;

    /// <param name="timeZoneId">An IANA id such as <c>Asia/Shanghai</c>.</param>
    /// <param name="weeklyHours">Opening ranges per weekday; a missing weekday is closed.</param>
    /// <param name="holidays">Dates closed all day whatever the weekday.</param>
    /// <param name="extraWorkingDays">Dates open with the given ranges whatever the weekday.</param>
    public BusinessCalendar(
        string timeZoneId,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningRange>> weeklyHours,
        IEnumerable<DateOnly>? holidays = null,
        IReadOnlyDictionary<DateOnly, IReadOnlyList<OpeningRange>>? extraWorkingDays = null)
    {
        ArgumentNullException.ThrowIfNull(timeZoneId);
        ArgumentNullException.ThrowIfNull(weeklyHours);
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        _weeklyHours = weeklyHours.ToDictionary(p => p.Key, p => (IReadOnlyList<OpeningRange>)Ordered(p.Value, p.Key.ToString()));
        _holidays = [.. holidays ?? []];
        _extraWorkingDays = (extraWorkingDays ?? new Dictionary<DateOnly, IReadOnlyList<OpeningRange>>())
            .ToDictionary(p => p.Key, p => (IReadOnlyList<OpeningRange>)Ordered(p.Value, p.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        var both = _holidays.Where(_extraWorkingDays.ContainsKey).ToList();
        if (both.Count > 0)
        {
            throw new ArgumentException($"{both[0]:yyyy-MM-dd} is both a holiday and an extra working day.", nameof(extraWorkingDays));
        }
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The instant <paramref name="duration"/> of business time after <paramref name="start"/>, in the calendar's zone.</summary>
    /// <remarks>A zero duration gives <paramref name="start"/> even when closed; a duration that ends exactly at closing gives the closing time.</remarks>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero)
        {
            return InZone(start);
        }

        var remaining = duration;
        foreach (var (open, close) in OpenIntervalsFrom(start))
        {
            if (close <= start)
            {
                continue;
            }

            var from = open > start ? open : start;
            var available = close - from;
            if (remaining <= available)
            {
                return InZone(from + remaining);
            }

            remaining -= available;
        }

        throw new InvalidOperationException("Unreachable: the opening intervals never end.");
    }

    /// <summary>Business time elapsed from <paramref name="from"/> to <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -BusinessTimeBetween(to, from);
        }

        var total = TimeSpan.Zero;
        foreach (var (open, close) in OpenIntervalsFrom(from))
        {
            if (open >= to)
            {
                break;
            }

            var overlap = (close < to ? close : to) - (open > from ? open : from);
            if (overlap > TimeSpan.Zero)
            {
                total += overlap;
            }
        }

        return total;
    }

    public bool IsOpenAt(DateTimeOffset instant) =>
        OpenIntervalsFrom(instant).TakeWhile(i => i.Open <= instant).Any(i => instant < i.Close);

    /// <summary>Opening hours of a date in the calendar's zone.</summary>
    public IReadOnlyList<OpeningRange> HoursOn(DateOnly date)
    {
        if (_holidays.Contains(date))
        {
            return [];
        }

        if (_extraWorkingDays.TryGetValue(date, out var extra))
        {
            return extra;
        }

        return _weeklyHours.TryGetValue(date.DayOfWeek, out var weekly) ? weekly : [];
    }

    private static List<OpeningRange> Ordered(IReadOnlyList<OpeningRange> ranges, string day)
    {
        var ordered = ranges.OrderBy(r => r.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Start < ordered[i - 1].End)
            {
                throw new ArgumentException($"Opening ranges {ordered[i - 1]} and {ordered[i]} on {day} overlap.");
            }
        }

        return ordered;
    }

    /// <summary>Opening intervals as instants, in order, from the local day of <paramref name="instant"/> on.</summary>
    private IEnumerable<(DateTimeOffset Open, DateTimeOffset Close)> OpenIntervalsFrom(DateTimeOffset instant)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);
        var closedDays = 0;
        while (true)
        {
            var hours = HoursOn(day);
            closedDays = hours.Count == 0 ? closedDays + 1 : 0;
            if (closedDays > MaxDaysWithoutOpening)
            {
                throw new InvalidOperationException($"The business calendar has no opening hours within {MaxDaysWithoutOpening} days of {day:yyyy-MM-dd}.");
            }

            foreach (var range in hours)
            {
                yield return (ToInstant(day, range.Start), ToInstant(day, range.End));
            }

            day = day.AddDays(1);
        }
    }

    /// <summary>
    /// A local wall time as an instant. A time skipped by a DST jump maps to the jump itself; a time that occurs twice
    /// maps to its first occurrence.
    /// </summary>
    private DateTimeOffset ToInstant(DateOnly day, TimeSpan timeOfDay)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) + timeOfDay;
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = TimeZone.IsAmbiguousTime(local) ? TimeZone.GetAmbiguousTimeOffsets(local).Max() : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private DateTimeOffset InZone(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);
}
