using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using WeLink.Server.Admin.Api;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Admin;

public static class AdminFeature
{
    /// <summary>
    /// The admin JSON API and the portal: Razor Pages rooted at <c>Admin/Pages</c>, served under
    /// <c>/admin</c>. Who may open a page is set here by convention (any admin, but sign-in; the audit log for HQ; the
    /// failed-work queue for the platform; the brand's menu and conversation settings for HQ), and a handler that needs more than its page says so with
    /// <see cref="HandlerPolicyAttribute"/>; the tenant page filter then hides other tenants. Razor Pages validate the
    /// antiforgery token on every POST.
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
                o.Conventions.AuthorizePage("/Audit", WeLinkPolicies.HqAdmin);
                o.Conventions.AuthorizePage("/Inbox", WeLinkPolicies.PlatformAdmin);
                o.Conventions.AuthorizePage("/Brands/Menu", WeLinkPolicies.HqAdmin);
                o.Conventions.AuthorizePage("/Brands/Conversations", WeLinkPolicies.HqAdmin);
                o.Conventions.AuthorizePage("/Members/Sharing", WeLinkPolicies.HqAdmin);
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<HandlerPolicyFilter>();
                o.Filters.Add<TenantRoutePageFilter>();
            })

            // Pages are found in the entry assembly by default; a host started by another assembly (the tests) must name this one.
            .AddApplicationPart(typeof(AdminFeature).Assembly);

        // Razor escapes every non-Latin character by default; the portal is read in Chinese, so its text stays text.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapAdminApi();
        app.MapRazorPages();
        return app;
    }
}
