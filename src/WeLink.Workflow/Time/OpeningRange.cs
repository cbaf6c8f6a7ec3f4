using System.Globalization;

namespace WeLink.Workflow.Time;

/// <summary>Open from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive), as times of day; <c>24:00</c> is midnight at the end.</summary>
public sealed record OpeningRange
{
    public OpeningRange(TimeSpan start, TimeSpan end)
    {
        if (start < TimeSpan.Zero || end > TimeSpan.FromHours(24) || start >= end)
        {
            throw new ArgumentException($"An opening range must satisfy 00:00 <= start < end <= 24:00; got {start}-{end}.");
        }

        Start = start;
        End = end;
    }

    public TimeSpan Start { get; }

    public TimeSpan End { get; }

    /// <summary>Reads <c>HH:mm-HH:mm</c>, e.g. <c>09:00-12:00</c> or <c>18:00-24:00</c>.</summary>
    public static OpeningRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-');
        if (parts.Length != 2)
        {
            throw new FormatException($"'{text}' is not HH:mm-HH:mm.");
        }

        return new OpeningRange(ParseTimeOfDay(parts[0], text), ParseTimeOfDay(parts[1], text));
    }

    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    private static TimeSpan ParseTimeOfDay(string part, string text)
    {
        var pieces = part.Trim().Split(':');
        if (pieces.Length != 2
            || !int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes > 59 || hours > 24 || (hours == 24 && minutes > 0))
        {
            throw new FormatException($"'{text}' is not HH:mm-HH:mm.");
        }

        return new TimeSpan(hours, minutes, 0);
    }

    private static string Format(TimeSpan time) => $"{(int)time.TotalHours:00}:{time.Minutes:00}";
}
