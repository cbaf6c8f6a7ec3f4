using System.Net.Http.Json;
using WeLink.Server.Access;
using WeLink.Server.Admin.Api;

namespace WeLink.Server.Tests.Admin;

/// <summary>
/// One admin API route that names a tenant, as the isolation matrix calls it: its method and path
/// template (with {brandId} / {dealerId}), the admin roles its policy lets in, and a body to send.
/// </summary>
public sealed record TenantEndpoint(string Method, string Template, IReadOnlySet<string> Roles, Func<TenancyWorld, object?> Body)
{
    private static readonly IReadOnlySet<string> AnyAdmin = new HashSet<string> { AdminRoles.Platform, AdminRoles.Hq, AdminRoles.Dealer };
    private static readonly IReadOnlySet<string> HqOrPlatform = new HashSet<string> { AdminRoles.Platform, AdminRoles.Hq };
    private static readonly IReadOnlySet<string> PlatformOnly = new HashSet<string> { AdminRoles.Platform };

    /// <summary>
    /// Every /api/admin route with {brandId} or {dealerId}. A new route joins by adding a line here;
    /// <c>Every_admin_route_that_names_a_tenant_is_in_the_matrix</c> fails until it does.
    /// </summary>
    public static IReadOnlyList<TenantEndpoint> All { get; } =
    [
        new("GET", "/api/admin/brands/{brandId}", AnyAdmin, _ => null),
        new("GET", "/api/admin/brands/{brandId}/regions", AnyAdmin, _ => null),
        new("POST", "/api/admin/brands/{brandId}/regions", HqOrPlatform, w => new CreateRegionRequest(w.Unique("region"))),
        new("GET", "/api/admin/brands/{brandId}/dealers", AnyAdmin, _ => null),
        new("POST", "/api/admin/brands/{brandId}/dealers", HqOrPlatform, w => new CreateDealerRequest(w.Unique("code"), "New dealer", null)),
        new("POST", "/api/admin/brands/{brandId}/hq-admins", PlatformOnly, w => NewAdmin(w)),
        new("GET", "/api/admin/dealers/{dealerId}", AnyAdmin, _ => null),
        new("POST", "/api/admin/dealers/{dealerId}/approve", HqOrPlatform, _ => new DealerVersionRequest(1)),
        new("POST", "/api/admin/dealers/{dealerId}/suspend", HqOrPlatform, _ => new DealerVersionRequest(1)),
        new("POST", "/api/admin/dealers/{dealerId}/reinstate", HqOrPlatform, _ => new DealerVersionRequest(1)),
        new("GET", "/api/admin/dealers/{dealerId}/admins", AnyAdmin, _ => null),
        new("POST", "/api/admin/dealers/{dealerId}/admins", HqOrPlatform, w => NewAdmin(w)),
        new("GET", "/api/admin/dealers/{dealerId}/link", AnyAdmin, _ => null),
        new("GET", "/api/admin/dealers/{dealerId}/staff", AnyAdmin, _ => null),
        new("PUT", "/api/admin/dealers/{dealerId}/staff/{staffId}/roles", AnyAdmin, _ => new { roles = new[] { StaffRoles.ServiceAdvisor } }),
        new("PUT", "/api/admin/brands/{brandId}/menu", HqOrPlatform, _ => new { button = new[] { new { type = "click", name = "Complaint", key = "complaint" } } }),
        new("GET", "/api/admin/dealers/{dealerId}/calendar", AnyAdmin, _ => null),
        new("PUT", "/api/admin/dealers/{dealerId}/calendar", AnyAdmin, _ => new { timeZone = "Asia/Shanghai", weeklyHours = new { monday = new[] { "09:00-18:00" } }, version = 0 }),
        new("GET", "/api/admin/brands/{brandId}/holidays", AnyAdmin, _ => null),
        new("PUT", "/api/admin/brands/{brandId}/holidays", HqOrPlatform, _ => new { holidays = new[] { new { date = "2026-10-01", name = "国庆节" } }, version = 0 }),
    ];

    public static TheoryData<string> Names => [.. All.Select(e => e.Name)];

    public static TheoryData<string> DealerNames => [.. All.Where(e => e.NamesDealer).Select(e => e.Name)];

    public string Name => $"{Method} {Template}";

    public bool NamesDealer => Template.Contains("{dealerId}", StringComparison.Ordinal);

    public static TenantEndpoint Named(string name) => All.Single(e => e.Name == name);

    public string PathFor(Guid brandId, Guid dealerId, Guid staffId) =>
        Template.Replace("{brandId}", brandId.ToString(), StringComparison.Ordinal)
            .Replace("{dealerId}", dealerId.ToString(), StringComparison.Ordinal)
            .Replace("{staffId}", staffId.ToString(), StringComparison.Ordinal);

    /// <summary>A route naming a staff member is called with a real staff row of the dealer it names.</summary>
    public async Task<HttpResponseMessage> SendAsync(AdminClient client, TenancyWorld world, Guid brandId, Guid dealerId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(world);
        var staffId = Template.Contains("{staffId}", StringComparison.Ordinal) ? await world.StaffOfAsync(dealerId) : Guid.Empty;
        var path = PathFor(brandId, dealerId, staffId);
        return Method switch
        {
            "GET" => await client.Http.GetAsync(path),
            "PUT" => await client.Http.PutAsJsonAsync(path, Body(world), AdminClient.Json),
            _ => await client.PostAsync(path, Body(world)),
        };
    }

    private static CreateAdminUserRequest NewAdmin(TenancyWorld world)
    {
        var name = world.Unique("admin");
        return new CreateAdminUserRequest($"{name}@welink.test", name, TenancyWorld.Password);
    }
}
