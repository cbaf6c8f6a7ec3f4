using System.Security.Claims;
using WeLink.Server.Calendars.Contracts;
using WeLink.Server.Shared;

namespace WeLink.Server.Calendars.Api;

public sealed class DealerHoursForms(CalendarActions calendars) : IDealerHoursForms
{
    public async Task<DealerHoursForm?> FindAsync(ClaimsPrincipal admin, Guid dealerId, CancellationToken cancellationToken) =>
        await calendars.FindDealerAsync(admin, dealerId, cancellationToken) is { } view ? Form(view) : null;

    public async Task<AdminResult<DealerHoursForm>> SaveAsync(
        ClaimsPrincipal admin, Guid dealerId, CalendarFormText form, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var problems = new RequestProblems();
        if (CalendarRequestReader.Read(form.ToRequest(version), problems) is not { } calendar)
        {
            var named = problems.ToDictionary().Select(p => $"{p.Key}: {string.Join(" ", p.Value)}");
            return AdminResult.Refused<DealerHoursForm>(ActionOutcome.Invalid, string.Join(" ", named));
        }

        var saved = await calendars.SaveDealerAsync(admin, dealerId, calendar, version, cancellationToken);
        return saved.Value is { } view ? AdminResult.Done(Form(view)) : AdminResult.Refused<DealerHoursForm>(saved.Outcome, saved.Problem!);
    }

    private static DealerHoursForm Form(DealerCalendarView view)
    {
        var calendar = CalendarJson.From(view);
        return new DealerHoursForm(
            CalendarFormText.From(calendar), calendar.Version, calendar.Recorded, [.. calendar.BrandHolidays.Select(h => $"{h.Date} {h.Name}".TrimEnd())]);
    }
}
