using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Calendars.Api;

/// <summary>
/// <c>/api/admin</c> calendar routes, behind an admin session and the tenant filter (a dealer or brand outside the
/// caller's tenant is 404): a dealer's calendar for its dealer admin, its brand's HQ and platform admins; the brand's
/// holidays readable by every admin of the brand (dealers inherit them) and set by HQ or a platform admin.
/// </summary>
public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/admin").WithTags("Calendars").RequireAuthorization(WeLinkPolicies.Admin).RequireTenantOfRoute();
        admin.MapGet("/dealers/{dealerId:guid}/calendar", GetDealerCalendarAsync);
        admin.MapPut("/dealers/{dealerId:guid}/calendar", SetDealerCalendarAsync);
        admin.MapGet("/brands/{brandId:guid}/holidays", GetBrandHolidaysAsync);
        admin.MapPut("/brands/{brandId:guid}/holidays", SetBrandHolidaysAsync).RequireAuthorization(WeLinkPolicies.HqAdmin);
        return endpoints;
    }

    public static async Task<Results<Ok<DealerCalendarResponse>, NotFound>> GetDealerCalendarAsync(
        Guid dealerId, ClaimsPrincipal user, CalendarActions calendars, CancellationToken cancellationToken) =>
        await calendars.FindDealerAsync(user, dealerId, cancellationToken) is { } view ? TypedResults.Ok(CalendarJson.From(view)) : TypedResults.NotFound();

    /// <summary>Replaces the whole calendar; 400 names every problem, 409 when the version is stale.</summary>
    public static async Task<Results<Ok<DealerCalendarResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SetDealerCalendarAsync(
        Guid dealerId, DealerCalendarRequest request, ClaimsPrincipal user, CalendarActions calendars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new RequestProblems();
        if (CalendarRequestReader.Read(request, problems) is not { } calendar)
        {
            return TypedResults.ValidationProblem(problems.ToDictionary());
        }

        return Answer(await calendars.SaveDealerAsync(user, dealerId, calendar, request.Version, cancellationToken), CalendarJson.From);
    }

    public static async Task<Results<Ok<BrandHolidaysResponse>, NotFound>> GetBrandHolidaysAsync(
        Guid brandId, ClaimsPrincipal user, CalendarActions calendars, CancellationToken cancellationToken) =>
        await calendars.FindBrandAsync(user, brandId, cancellationToken) is { } holidays ? TypedResults.Ok(CalendarJson.From(holidays)) : TypedResults.NotFound();

    /// <summary>Replaces the brand's holiday list; 400 names every problem, 409 when the version is stale.</summary>
    public static async Task<Results<Ok<BrandHolidaysResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SetBrandHolidaysAsync(
        Guid brandId, BrandHolidaysRequest request, ClaimsPrincipal user, CalendarActions calendars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new RequestProblems();
        if (CalendarRequestReader.Read(request, problems) is not { } holidays)
        {
            return TypedResults.ValidationProblem(problems.ToDictionary());
        }

        return Answer(await calendars.SaveBrandAsync(user, brandId, holidays, request.Version, cancellationToken), CalendarJson.From);
    }

    private static Results<Ok<TResponse>, NotFound, ValidationProblem, ProblemHttpResult> Answer<TValue, TResponse>(
        AdminResult<TValue> result, Func<TValue, TResponse> response)
        where TValue : class =>
        result switch
        {
            { Outcome: ActionOutcome.Done, Value: { } value } => TypedResults.Ok(response(value)),
            { Outcome: ActionOutcome.NotFound } => TypedResults.NotFound(),
            _ => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        };
}
