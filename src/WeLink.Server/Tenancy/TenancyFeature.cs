using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace WeLink.Server.Tenancy;

public static class TenancyFeature
{
    /// <summary>Brands, regions, dealers, admin users and the audit log; the first platform admin at start-up.</summary>
    public static IServiceCollection AddTenancy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>()
            .Bind(configuration.GetSection(AdminOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        services.AddSingleton<IPasswordHasher<AdminUser>, PasswordHasher<AdminUser>>();
        services.AddSingleton<AdminPasswords>();
        services.AddSingleton<BrandStore>();
        services.AddSingleton<RegionStore>();
        services.AddSingleton<DealerStore>();
        services.AddSingleton<AdminUserStore>();
        services.AddSingleton<AdminAccounts>();
        services.AddSingleton<AdminSignIn>();
        services.AddSingleton<AuditLog>();
        services.TryAddSingleton<IDealerLinks, NoDealerLinks>();
        services.AddHostedService<AdminBootstrap>();
        return services;
    }
}
