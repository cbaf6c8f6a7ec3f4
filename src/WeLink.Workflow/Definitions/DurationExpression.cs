using System.Globalization;
using System.Xml;

namespace WeLink.Workflow.Definitions;

/// <summary>A timer duration as written in a definition: a literal or a reference to a parameter.</summary>
internal readonly record struct DurationExpression(TimeSpan Literal, string? ParameterName)
{
    public const string ParameterPrefix = "param:";

    public static bool TryParse(string text, out DurationExpression expression, out string error)
    {
        expression = default;
        if (text.StartsWith(ParameterPrefix, StringComparison.Ordinal))
        {
            var name = text[ParameterPrefix.Length..];
            error = name.Length == 0 ? "names no parameter after 'param:'" : "";
            expression = new DurationExpression(TimeSpan.Zero, name);
            return name.Length > 0;
        }

        if (!TryParseLiteral(text, out var literal))
        {
            error = $"'{text}' is neither an ISO-8601 duration (PT24H), a TimeSpan (1.00:00:00) nor param:<name>";
            return false;
        }

        if (literal < TimeSpan.Zero)
        {
            error = $"'{text}' is negative";
            return false;
        }

        error = "";
        expression = new DurationExpression(literal, null);
        return true;
    }

    public static bool TryParseLiteral(string text, out TimeSpan duration)
    {
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(text);
                return true;
            }
            catch (FormatException)
            {
                duration = default;
                return false;
            }
            catch (OverflowException)
            {
                duration = default;
                return false;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
    }

    public static TimeSpan FromUnits(decimal amount, DurationUnit unit) => unit switch
    {
        DurationUnit.Minutes => TimeSpan.FromTicks((long)(amount * TimeSpan.TicksPerMinute)),
        DurationUnit.Hours => TimeSpan.FromTicks((long)(amount * TimeSpan.TicksPerHour)),
        DurationUnit.Days => TimeSpan.FromTicks((long)(amount * TimeSpan.TicksPerDay)),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown duration unit."),
    };
}
