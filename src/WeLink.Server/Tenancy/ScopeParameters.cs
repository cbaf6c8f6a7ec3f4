using Dapper;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tenancy;

/// <summary>
/// The SQL half of <see cref="TenantScope.Reaches(Guid, Guid)"/>: list queries add
/// <c>(@allBrands OR brand_id = @scopeBrand) AND (@allDealers OR dealer_id = @scopeDealer)</c>.
/// No parameter is ever NULL, so PostgreSQL never has to guess a parameter's type.
/// </summary>
internal static class ScopeParameters
{
    public static DynamicParameters For(TenantScope scope, object? values = null)
    {
        var parameters = new DynamicParameters(values);
        parameters.Add("allBrands", scope.IsPlatform);
        parameters.Add("scopeBrand", scope.BrandId ?? Guid.Empty);
        parameters.Add("allDealers", scope.IsPlatform || scope.DealerId is null);
        parameters.Add("scopeDealer", scope.DealerId ?? Guid.Empty);
        return parameters;
    }
}
