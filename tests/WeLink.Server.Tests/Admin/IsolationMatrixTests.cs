using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Access;
using WeLink.Server.Tenancy;

namespace WeLink.Server.Tests.Admin;

/// <summary>
/// Every admin route that names a brand or dealer, called across tenants: HQ of brand X on brand Y, the
/// admin of dealer A1 on dealer A2 (same brand) and B1 (other brand). A foreign tenant answers exactly
/// what a made-up id answers: 404 when the caller's role may use the route at all, else the role's 403,
/// which is the same for every id and so reveals nothing. The same calls on the caller's own tenant run.
/// </summary>
public abstract partial class IsolationMatrixTests<TWorld>(TWorld world) : IClassFixture<TWorld>
    where TWorld : TenancyWorld
{
    [Theory]
    [MemberData(nameof(TenantEndpoint.Names), MemberType = typeof(TenantEndpoint))]
    public async Task HQ_of_brand_X_gets_404_on_brand_Y_and_its_dealers(string endpoint)
    {
        var call = TenantEndpoint.Named(endpoint);

        await AssertRefusedAsync(call, world.HqX, AdminRoles.Hq, world.Y.Id, world.B1.Id);
    }

    [Theory]
    [MemberData(nameof(TenantEndpoint.DealerNames), MemberType = typeof(TenantEndpoint))]
    public async Task The_admin_of_dealer_A1_gets_404_on_dealer_A2_of_the_same_brand(string endpoint)
    {
        var call = TenantEndpoint.Named(endpoint);

        await AssertRefusedAsync(call, world.DealerA1, AdminRoles.Dealer, world.X.Id, world.A2.Id);
    }

    [Theory]
    [MemberData(nameof(TenantEndpoint.Names), MemberType = typeof(TenantEndpoint))]
    public async Task The_admin_of_dealer_A1_gets_404_on_brand_Y_and_dealer_B1(string endpoint)
    {
        var call = TenantEndpoint.Named(endpoint);

        await AssertRefusedAsync(call, world.DealerA1, AdminRoles.Dealer, world.Y.Id, world.B1.Id);
    }

    [Theory]
    [MemberData(nameof(TenantEndpoint.Names), MemberType = typeof(TenantEndpoint))]
    public async Task The_same_calls_run_on_the_callers_own_tenant(string endpoint)
    {
        var call = TenantEndpoint.Named(endpoint);
        var callers = new (string Role, AdminClient Client)[] { (AdminRoles.Hq, world.HqX), (AdminRoles.Dealer, world.DealerA1), (AdminRoles.Platform, world.Platform) };

        foreach (var (role, client) in callers.Where(c => call.Roles.Contains(c.Role)))
        {
            var response = await call.SendAsync(client, world, world.X.Id, world.A1.Id);

            // 409 means the handler ran and judged the dealer's state or version (the matrix sends version 1).
            Assert.True(
                response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict,
                $"{role} on its own tenant: {endpoint} answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Theory]
    [MemberData(nameof(TenantEndpoint.Names), MemberType = typeof(TenantEndpoint))]
    public async Task Without_a_session_every_tenant_route_answers_401(string endpoint)
    {
        using var anonymous = AdminClient.Anonymous(world.Admin.Host);

        var response = await TenantEndpoint.Named(endpoint).SendAsync(anonymous, world, world.X.Id, world.A1.Id);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Every_admin_route_that_names_a_tenant_is_in_the_matrix()
    {
        var mapped = world.Admin.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/admin", StringComparison.Ordinal) == true)
            .Where(e => e.RoutePattern.Parameters.Any(p => p.Name is TenantRoute.BrandIdParameter or TenantRoute.DealerIdParameter))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();

        Assert.NotEmpty(mapped);
        Assert.Empty(mapped.Except(TenantEndpoint.All.Select(e => e.Name)));
        Assert.Empty(TenantEndpoint.All.Select(e => e.Name).Except(mapped));
    }

    [Fact]
    public async Task Lists_hold_only_what_the_callers_scope_reaches()
    {
        var hqBrands = await world.HqX.GetOkAsync<List<Brand>>("/api/admin/brands");
        var dealerBrands = await world.DealerA1.GetOkAsync<List<Brand>>("/api/admin/brands");
        var dealerView = await world.DealerA1.GetOkAsync<List<Dealer>>($"/api/admin/brands/{world.X.Id}/dealers");
        var hqView = await world.HqX.GetOkAsync<List<Dealer>>($"/api/admin/brands/{world.X.Id}/dealers");
        var hqAdmins = await world.HqX.GetOkAsync<List<AdminUser>>("/api/admin/admin-users");
        var platformBrands = await world.Platform.GetOkAsync<List<Brand>>("/api/admin/brands");

        Assert.Equal(new[] { world.X.Id }, hqBrands.Select(b => b.Id));
        Assert.Equal(new[] { world.X.Id }, dealerBrands.Select(b => b.Id));
        Assert.Equal(new[] { world.A1.Id }, dealerView.Select(d => d.Id));
        Assert.Contains(hqView, d => d.Id == world.A2.Id);
        Assert.All(hqView, d => Assert.Equal(world.X.Id, d.BrandId));
        Assert.All(hqAdmins, a => Assert.Equal(world.X.Id, a.BrandId));
        Assert.Contains(hqAdmins, a => a.Email == "dealer-a1@welink.test");
        Assert.Contains(platformBrands, b => b.Id == world.Y.Id);
    }

    private async Task AssertRefusedAsync(TenantEndpoint call, AdminClient client, string role, Guid brandId, Guid dealerId)
    {
        var foreign = await call.SendAsync(client, world, brandId, dealerId);
        var madeUp = await call.SendAsync(client, world, Guid.CreateVersion7(), Guid.CreateVersion7());

        var expected = call.Roles.Contains(role) ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
        Assert.Equal(expected, foreign.StatusCode);
        Assert.Equal(madeUp.StatusCode, foreign.StatusCode);
        Assert.Equal(madeUp.Content.Headers.ContentType?.MediaType, foreign.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>"/api/admin/dealers/{dealerId:guid}/approve" → "/api/admin/dealers/{dealerId}/approve".</summary>
    private static string Normalize(string pattern) => RouteConstraint().Replace(pattern, "{$1}").TrimEnd('/');

    [GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial Regex RouteConstraint();
}

public sealed class IsolationMatrixTests_on_Sqlite(SqliteTenancyWorld world) : IsolationMatrixTests<SqliteTenancyWorld>(world);

public sealed class IsolationMatrixTests_on_Postgres(PostgresTenancyWorld world) : IsolationMatrixTests<PostgresTenancyWorld>(world);
