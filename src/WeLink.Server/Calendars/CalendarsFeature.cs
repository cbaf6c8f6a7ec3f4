using WeLink.Server.Calendars.Api;
using WeLink.Server.Calendars.Contracts;
using WeLink.Server.Cases.Engine;

namespace WeLink.Server.Calendars;

public static class CalendarsFeature
{
    /// <summary>
    /// Dealer business hours and brand holidays: the store, the engine's <see cref="IDealerCalendars"/>, the admin actions and
    /// the portal's business-hours form (<see cref="IDealerHoursForms"/>).
    /// </summary>
    public static IServiceCollection AddCalendars(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CalendarsJsonContext.Default));
        services.AddSingleton<CalendarStore>();
        services.AddSingleton<DealerCalendars>();
        services.AddSingleton<IDealerCalendars>(sp => sp.GetRequiredService<DealerCalendars>());
        services.AddSingleton<CalendarActions>();
        services.AddSingleton<IDealerHoursForms, DealerHoursForms>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalendars(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCalendarEndpoints();
        return endpoints;
    }
}
