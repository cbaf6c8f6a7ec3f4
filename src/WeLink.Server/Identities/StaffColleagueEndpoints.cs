using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Identities;

/// <summary>
/// <c>GET /api/staff/dealer/staff?role=</c>: the active staff of the session's own dealer, for the staff app's reassign
/// picker. Only the caller's dealer: the session names it, so no id in the request can reach another dealer's staff.
/// </summary>
public static class StaffColleagueEndpoints
{
    public static IEndpointRouteBuilder MapStaffColleagueEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/staff/dealer").WithTags("Staff").RequireAuthorization(WeLinkPolicies.Staff).MapGet("/staff", ListAsync);
        return app;
    }

    /// <summary>Those holding <paramref name="role"/>, or any staff role when none is given; an unknown role is 422.</summary>
    public static async Task<Results<Ok<IReadOnlyList<StaffColleague>>, ProblemHttpResult>> ListAsync(
        StaffSession session, IStaffDirectory staff, CancellationToken cancellationToken, string? role = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (role is not null && !StaffRoles.All.Contains(role, StringComparer.Ordinal))
        {
            return TypedResults.Problem(
                "没有这个角色。",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["role"] = ["没有这个角色。"] } });
        }

        var members = await staff.ActiveInRolesAsync(session.DealerId, role is null ? StaffRoles.All : [role], cancellationToken);
        return TypedResults.Ok<IReadOnlyList<StaffColleague>>([.. members.Select(m => new StaffColleague(m.StaffId, m.Name, m.Roles)).OrderBy(m => m.Name, StringComparer.Ordinal)]);
    }
}

/// <summary>A staff member of the caller's dealer, with the roles the dealer admin gave them.</summary>
public sealed record StaffColleague(Guid Id, string Name, IReadOnlyList<string> Roles);
