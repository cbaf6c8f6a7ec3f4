using System.Security.Claims;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Calendars;

/// <summary>
/// Reading and replacing calendars for an admin: the tenant is checked again here through Tenancy's scope lookups (a
/// dealer or brand outside the admin's scope is not found), every save is audited whatever its outcome, and a saved change
/// reaches the engine's cache at once.
/// </summary>
public sealed class CalendarActions(IDealerRegistry dealers, IBrandDirectory brands, CalendarStore store, DealerCalendars calendars, IAuditTrail audit)
{
    public async Task<DealerCalendarView?> FindDealerAsync(ClaimsPrincipal admin, Guid dealerId, CancellationToken cancellationToken) =>
        await dealers.FindWithinAsync(admin.AdminScope(), dealerId, cancellationToken) is { } dealer ? await store.FindAsync(dealerId, dealer.BrandId, cancellationToken) : null;

    /// <summary>Replaces the dealer's calendar if it is still at <paramref name="version"/> (0 while none is recorded).</summary>
    public async Task<AdminResult<DealerCalendarView>> SaveDealerAsync(
        ClaimsPrincipal admin, Guid dealerId, DealerCalendar calendar, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (await dealers.FindWithinAsync(admin.AdminScope(), dealerId, cancellationToken) is not { } dealer)
        {
            return AdminResult.Refused<DealerCalendarView>(ActionOutcome.NotFound, "没有这家经销商。");
        }

        var saved = await store.SaveAsync(dealerId, calendar, version, cancellationToken);
        if (saved is not null)
        {
            calendars.Forget(dealerId);
        }

        var current = await store.FindAsync(dealerId, dealer.BrandId, cancellationToken);
        var problem = saved is null ? Stale("calendar", current.Version) : null;
        await audit.RecordAsync(
            admin,
            new AuditEvent(
                "dealer-calendar.update", "dealer-calendar", dealerId.ToString(), saved is null ? AuditOutcome.Conflict : AuditOutcome.Succeeded,
                dealer.BrandId, dealerId, problem ?? Describe(calendar, current.Version)),
            cancellationToken);
        return saved is null ? AdminResult.Refused<DealerCalendarView>(ActionOutcome.Conflict, problem!) : AdminResult.Done(current);
    }

    public async Task<BrandHolidays?> FindBrandAsync(ClaimsPrincipal admin, Guid brandId, CancellationToken cancellationToken) =>
        !await brands.ExistsWithinAsync(admin.AdminScope(), brandId, cancellationToken) ? null : await store.FindBrandAsync(brandId, cancellationToken);

    /// <summary>Replaces the brand's holidays, which every dealer of the brand inherits, if the list is still at <paramref name="version"/>.</summary>
    public async Task<AdminResult<BrandHolidays>> SaveBrandAsync(
        ClaimsPrincipal admin, Guid brandId, IReadOnlyList<CalendarHoliday> holidays, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        if (!await brands.ExistsWithinAsync(admin.AdminScope(), brandId, cancellationToken))
        {
            return AdminResult.Refused<BrandHolidays>(ActionOutcome.NotFound, "没有这个品牌。");
        }

        var saved = await store.SaveBrandAsync(brandId, holidays, version, cancellationToken);
        if (saved is not null)
        {
            calendars.ForgetBrand(brandId);
        }

        var current = await store.FindBrandAsync(brandId, cancellationToken);
        var problem = saved is null ? Stale("holiday list", current.Version) : null;
        await audit.RecordAsync(
            admin,
            new AuditEvent(
                "brand-holidays.update", "brand-holidays", brandId.ToString(), saved is null ? AuditOutcome.Conflict : AuditOutcome.Succeeded,
                brandId, null, problem ?? $"{holidays.Count} holidays, version {current.Version}"),
            cancellationToken);
        return saved is null ? AdminResult.Refused<BrandHolidays>(ActionOutcome.Conflict, problem!) : AdminResult.Done(current);
    }

    private static string Stale(string what, int current) =>
        $"The {what} changed since you read it (now version {current}); reload and try again.";

    private static string Describe(DealerCalendar calendar, int version) =>
        $"{calendar.TimeZone}, open {calendar.WeeklyHours.Count(d => d.Value.Count > 0)} days a week, "
        + $"{calendar.Holidays.Count} holidays, {calendar.WorkingDays.Count} working days, version {version}";
}
