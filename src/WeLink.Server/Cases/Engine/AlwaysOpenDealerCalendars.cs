using WeLink.Workflow.Time;

namespace WeLink.Server.Cases.Engine;

/// <summary>
/// Until dealers record their opening hours, every dealer is open around the clock in China Standard Time, so business
/// time equals wall-clock time. A feature that stores hours replaces this registration.
/// </summary>
public sealed class AlwaysOpenDealerCalendars : IDealerCalendars
{
    private static readonly BusinessCalendar AlwaysOpen = new(
        "Asia/Shanghai",
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<OpeningRange>)[OpeningRange.Parse("00:00-24:00")]));

    public ValueTask<BusinessCalendar> GetAsync(Guid dealerId, CancellationToken cancellationToken) => ValueTask.FromResult(AlwaysOpen);
}
