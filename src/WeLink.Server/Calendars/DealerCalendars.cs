using System.Collections.Concurrent;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Workflow.Time;

namespace WeLink.Server.Calendars;

/// <summary>
/// The case engine's view of dealer calendars (see <see cref="DealerCalendar"/> for the default and the brand holidays).
/// The engine asks on every step, so each dealer's calendar is kept for <see cref="CacheFor"/>. A change saved on this
/// node is forgotten at once; another node picks it up within <see cref="CacheFor"/>, which only matters for timers
/// armed in that window.
/// </summary>
public sealed class DealerCalendars(CalendarStore store, IDealerRegistry dealers, TimeProvider time) : IDealerCalendars
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, Entry> _cache = new();

    /// <summary>Moves on at every change, so a load that raced a change does not leave the old calendar cached.</summary>
    private long _generation;

    public async ValueTask<BusinessCalendar> GetAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(dealerId, out var cached) && cached.Until > now)
        {
            return cached.Calendar;
        }

        var generation = Interlocked.Read(ref _generation);
        var view = await dealers.FindAsync(dealerId, cancellationToken) is { } dealer ? await store.FindAsync(dealerId, dealer.BrandId, cancellationToken) : null;

        // A dealer that does not exist has no cases either; answer the default rather than fail a caller's step.
        var calendar = view is null ? DealerCalendar.Default.ToBusinessCalendar([]) : view.Calendar.ToBusinessCalendar(view.BrandHolidays);
        var entry = new Entry(calendar, view?.BrandId, now + CacheFor);
        _cache[dealerId] = entry;
        if (Interlocked.Read(ref _generation) != generation)
        {
            _cache.TryRemove(KeyValuePair.Create(dealerId, entry));
        }

        return calendar;
    }

    /// <summary>The dealer's calendar changed.</summary>
    public void Forget(Guid dealerId)
    {
        Interlocked.Increment(ref _generation);
        _cache.TryRemove(dealerId, out _);
    }

    /// <summary>The brand's holidays changed, and with them every calendar of its dealers.</summary>
    public void ForgetBrand(Guid brandId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (dealerId, entry) in _cache)
        {
            if (entry.BrandId == brandId)
            {
                _cache.TryRemove(dealerId, out _);
            }
        }
    }

    private sealed record Entry(BusinessCalendar Calendar, Guid? BrandId, DateTimeOffset Until);
}
