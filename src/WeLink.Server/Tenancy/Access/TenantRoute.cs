using System.Globalization;

namespace WeLink.Server.Tenancy.Access;

/// <summary>
/// THE tenant-isolation rule for routes, in one place: a route that names a tenant with <c>{brandId}</c>
/// or <c>{dealerId}</c> runs only when the caller's <see cref="TenantScope"/> reaches that brand or dealer
/// (<see cref="TenantScope.Reaches(Guid, Guid)"/>, applied by the stores' <c>FindAsync</c>). Otherwise the
/// answer is 404, the same as for an id that does not exist, so another tenant's ids cannot be probed.
/// The admin API applies it as an endpoint filter (<see cref="TenantRouteFilter"/>) and the portal as a
/// page filter (<see cref="TenantRoutePageFilter"/>); list queries apply the same scope in SQL.
/// </summary>
public sealed class TenantRoute(BrandStore brands, DealerStore dealers)
{
    public const string BrandIdParameter = "brandId";
    public const string DealerIdParameter = "dealerId";

    public static bool NamesTenant(RouteValueDictionary routeValues)
    {
        ArgumentNullException.ThrowIfNull(routeValues);
        return routeValues.ContainsKey(BrandIdParameter) || routeValues.ContainsKey(DealerIdParameter);
    }

    /// <summary>
    /// True when every tenant the route names exists and lies within the scope; true for routes that name
    /// none; false for a route that names one when there is no scope at all.
    /// </summary>
    public async Task<bool> ReachesAsync(TenantScope? scope, RouteValueDictionary routeValues, CancellationToken cancellationToken)
    {
        if (!NamesTenant(routeValues))
        {
            return true;
        }

        if (scope is null)
        {
            return false;
        }
        if (routeValues.ContainsKey(BrandIdParameter))
        {
            if (Read(routeValues, BrandIdParameter) is not { } brandId || await brands.FindAsync(scope, brandId, cancellationToken) is null)
            {
                return false;
            }
        }

        if (routeValues.ContainsKey(DealerIdParameter))
        {
            if (Read(routeValues, DealerIdParameter) is not { } dealerId || await dealers.FindAsync(scope, dealerId, cancellationToken) is null)
            {
                return false;
            }
        }

        return true;
    }

    private static Guid? Read(RouteValueDictionary values, string name) =>
        Guid.TryParse(Convert.ToString(values[name], CultureInfo.InvariantCulture), out var id) ? id : null;
}
