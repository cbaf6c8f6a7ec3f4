using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Identities.MiniPrograms;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy.Access;
using WeLink.Workflow.Time;

namespace WeLink.Server.Identities.Dealers;

/// <summary>
/// The brand's active dealers for the consumer's home page and dealer picker: any consumer session of the brand may list
/// them, with or without a dealer in context.
/// </summary>
public static class ConsumerDealerEndpoints
{
    /// <summary>The consumer processes WeLink runs today; a new process adds its name here.</summary>
    private static readonly string[] Services = ["投诉"];

    public static IEndpointRouteBuilder MapConsumerDealerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/consumer/dealers", ListAsync).WithTags("Consumer: dealers").RequireAuthorization(WeLinkPolicies.BrandConsumer);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<ConsumerDealerResponse>>, UnauthorizedHttpResult>> ListAsync(
        ClaimsPrincipal user, BrandDealers dealers, IDealerCalendars calendars, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!Guid.TryParse(user.FindFirstValue(WeLinkClaims.BrandId), CultureInfo.InvariantCulture, out var brandId))
        {
            return TypedResults.Unauthorized();
        }

        var list = new List<ConsumerDealerResponse>();
        foreach (var dealer in await dealers.ActiveAsync(brandId, cancellationToken))
        {
            var calendar = await calendars.GetAsync(dealer.DealerId, cancellationToken);
            list.Add(new ConsumerDealerResponse(dealer.DealerId, dealer.Name, null, null, null, Week(calendar, time.GetUtcNow()), Services));
        }

        return TypedResults.Ok<IReadOnlyList<ConsumerDealerResponse>>(list);
    }

    private static List<OpeningDay> Week(BusinessCalendar calendar, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.TimeZone).DateTime);
        return [.. Enumerable.Range(0, 7).Select(offset => today.AddDays(offset)).Select(day => new OpeningDay(ChineseWeekdays.Of(day.DayOfWeek), Hours(calendar.HoursOn(day))))];
    }

    private static string Hours(IReadOnlyList<OpeningRange> ranges) =>
        ranges.Count == 0 ? "休息" : string.Join("、", ranges.Select(r => $"{Time(r.Start)}–{Time(r.End)}"));

    private static string Time(TimeSpan time) => $"{(int)time.TotalHours:00}:{time.Minutes:00}";
}
