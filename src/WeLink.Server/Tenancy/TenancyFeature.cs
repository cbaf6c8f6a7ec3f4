using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WeLink.Server.Tenancy.Contracts;

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
        services.AddSingleton<IDealerRegistry, DealerRegistry>();
        services.AddSingleton<AdminUserStore>();
        services.AddSingleton<AdminAccounts>();
        services.AddSingleton<AdminSignIn>();
        services.AddSingleton<AuditLog>();
        services.AddHostedService<AdminBootstrap>();
        return services;
    }
}
