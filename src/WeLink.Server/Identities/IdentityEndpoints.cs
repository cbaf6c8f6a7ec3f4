using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

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

    /// <summary>The consumer of this session, within the dealer in context; 404 if the row or the dealer is gone.</summary>
    public static async Task<Results<Ok<ConsumerProfileResponse>, NotFound>> GetConsumerAsync(
        ConsumerSession session, ConsumerStore consumers, IDealerRegistry dealers, IBrandMiniPrograms miniPrograms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var miniProgram = await miniPrograms.FindOfBrandAsync(session.BrandId, cancellationToken);
        return await SessionDealerAsync(dealers, session.BrandId, session.DealerId, cancellationToken) is { } dealer
            && await consumers.FindProfileAsync(session, dealer.Name, miniProgram?.AppId, cancellationToken) is { } profile
            ? TypedResults.Ok(profile)
            : TypedResults.NotFound();
    }

    /// <summary>The staff member of this session, their dealer and the session's roles; 404 if the row or the dealer is gone.</summary>
    public static async Task<Results<Ok<StaffProfileResponse>, NotFound>> GetStaffAsync(
        StaffSession session, IStaffDirectory staff, IDealerRegistry dealers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await staff.FindAsync(session.StaffId, cancellationToken) is not { } member || member.DealerId != session.DealerId
            || await SessionDealerAsync(dealers, session.BrandId, session.DealerId, cancellationToken) is not { } dealer)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new StaffProfileResponse
        {
            Id = member.StaffId,
            Name = member.Name,
            BrandId = dealer.BrandId,
            DealerId = dealer.DealerId,
            DealerName = dealer.Name,
            Roles = session.Roles,
        });
    }

    /// <summary>Ends the consumer session only; any other kind of session in the same browser stays.</summary>
    public static Task<NoContent> SignOutConsumerAsync(HttpContext http) => SignOutAsync(http, WeLinkSchemes.Consumer);

    /// <summary>Ends the staff session only; any other kind of session in the same browser stays.</summary>
    public static Task<NoContent> SignOutStaffAsync(HttpContext http) => SignOutAsync(http, WeLinkSchemes.Staff);

    /// <summary>The session's dealer, only while it is still of the session's brand.</summary>
    private static async Task<RegisteredDealer?> SessionDealerAsync(IDealerRegistry dealers, Guid brandId, Guid dealerId, CancellationToken cancellationToken) =>
        await dealers.FindAsync(dealerId, cancellationToken) is { } dealer && dealer.BrandId == brandId ? dealer : null;

    private static async Task<NoContent> SignOutAsync(HttpContext http, string scheme)
    {
        await http.SignOutAsync(scheme);
        return TypedResults.NoContent();
    }
}
