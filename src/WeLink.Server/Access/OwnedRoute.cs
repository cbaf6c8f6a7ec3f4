using System.Globalization;

namespace WeLink.Server.Access;

/// <summary>
/// The consumer and staff APIs' side of <see cref="TenantRoute"/>: on a route group given
/// <see cref="RequireOwnerOfRoute{TOwnership}"/>, every route with an <c>{id}</c>, including routes added later, runs only
/// when the feature's <see cref="IRouteOwnership"/> says the caller's session reaches it. Otherwise the answer is 404, the
/// same as for an id that does not exist, so another consumer's or another dealer's ids cannot be probed.
/// </summary>
public static class OwnedRoute
{
    public const string IdParameter = "id";

    /// <param name="group">A group whose policy admits only sessions of <paramref name="kind"/>.</param>
    /// <param name="kind">The session the group takes, read into a <see cref="TenantScope"/>.</param>
    public static RouteGroupBuilder RequireOwnerOfRoute<TOwnership>(this RouteGroupBuilder group, SessionKind kind)
        where TOwnership : IRouteOwnership
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!http.Request.RouteValues.TryGetValue(IdParameter, out var value))
            {
                return await next(context);
            }

            var reaches = TenantScope.From(http.User, kind) is { } scope
                && Guid.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), out var id)
                && await http.RequestServices.GetRequiredService<TOwnership>().ReachesAsync(scope, id, http.RequestAborted);
            return reaches ? await next(context) : TypedResults.NotFound();
        });
    }
}
