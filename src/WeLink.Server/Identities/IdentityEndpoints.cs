using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Identities;

/// <summary>Who am I, for each kind of session; each group authenticates with its own cookie only.</summary>
public static class IdentityEndpoints
{
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder app)
    {
        var consumer = app.MapGroup("/api/consumer").WithTags("Consumer").RequireAuthorization(WeLinkPolicies.Consumer);
        consumer.MapGet("/me", GetConsumerAsync);
        // Cast: a handler taking only HttpContext would otherwise bind as a RequestDelegate and drop its result.
        consumer.MapPost("/signout", (Delegate)SignOutConsumerAsync);
        var staff = app.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(WeLinkPolicies.Staff);
        staff.MapGet("/me", GetStaffAsync);
        staff.MapPost("/signout", (Delegate)SignOutStaffAsync);
        return app;
    }

    /// <summary>The consumer of this session, within its dealer; 404 if the row is gone.</summary>
    public static async Task<Results<Ok<ConsumerProfileResponse>, NotFound>> GetConsumerAsync(
        ConsumerSession session, ConsumerStore consumers, CancellationToken cancellationToken) =>
        await consumers.FindProfileAsync(session, cancellationToken) is { } profile ? TypedResults.Ok(profile) : TypedResults.NotFound();

    /// <summary>The staff member of this session, their dealer and the session's roles; 404 if the row is gone.</summary>
    public static async Task<Results<Ok<StaffProfileResponse>, NotFound>> GetStaffAsync(
        StaffSession session, StaffStore staff, CancellationToken cancellationToken) =>
        await staff.FindProfileAsync(session, cancellationToken) is { } profile ? TypedResults.Ok(profile) : TypedResults.NotFound();

    /// <summary>Ends the consumer session only; any other kind of session in the same browser stays.</summary>
    public static Task<NoContent> SignOutConsumerAsync(HttpContext http) => SignOutAsync(http, WeLinkSchemes.Consumer);

    /// <summary>Ends the staff session only; any other kind of session in the same browser stays.</summary>
    public static Task<NoContent> SignOutStaffAsync(HttpContext http) => SignOutAsync(http, WeLinkSchemes.Staff);

    private static async Task<NoContent> SignOutAsync(HttpContext http, string scheme)
    {
        await http.SignOutAsync(scheme);
        return TypedResults.NoContent();
    }
}
