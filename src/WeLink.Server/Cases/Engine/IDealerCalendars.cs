using WeLink.Workflow.Time;

namespace WeLink.Server.Cases.Engine;

/// <summary>A dealer's business hours and holidays, for timers a definition measures in business time.</summary>
public interface IDealerCalendars
{
    ValueTask<BusinessCalendar> GetAsync(Guid dealerId, CancellationToken cancellationToken);
}
