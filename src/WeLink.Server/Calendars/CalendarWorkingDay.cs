using WeLink.Workflow.Time;

namespace WeLink.Server.Calendars;

/// <summary>A date open with <see cref="Hours"/> whatever its weekday: a make-up working day (调休), or opening on a brand holiday.</summary>
public sealed record CalendarWorkingDay(DateOnly Date, IReadOnlyList<OpeningRange> Hours, string? Name);
