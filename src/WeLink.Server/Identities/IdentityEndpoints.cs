using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Access;

namespace WeLink.Server.Identities;

/// <summary>Who am I, for each kind of session; each group authenticates with its own cookie only.</summary>
public static class IdentityEndpoints
{
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/consumer").WithTags("Consumer").RequireAuthorization(WeLinkPolicies.Consumer)
            .MapGet("/me", GetConsumerAsync);
        app.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(WeLinkPolicies.Staff)
            .MapGet("/me", GetStaffAsync);
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
}
