using WeLink.Server.Admin.Api;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Admin;

public static class AdminFeature
{
    /// <summary>
    /// The admin JSON API and the portal: Razor Pages rooted at <c>Admin/Pages</c>, served under
    /// <c>/admin</c>, every page behind the admin policy (but sign-in) and the tenant page filter. Razor Pages
    /// validate the antiforgery token on every POST.
    /// </summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<AdminActions>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AdminJsonContext.Default));
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Admin/Pages";
                o.Conventions.AuthorizeFolder("/", WeLinkPolicies.Admin);
                o.Conventions.AllowAnonymousToPage("/Login");
            })
            .AddMvcOptions(o => o.Filters.Add<TenantRoutePageFilter>())

            // Pages are found in the entry assembly by default; a host started by another assembly (the tests) must name this one.
            .AddApplicationPart(typeof(AdminFeature).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapAdminApi();
        app.MapRazorPages();
        return app;
    }
}
