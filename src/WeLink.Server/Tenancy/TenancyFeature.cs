using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Quartz;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Tenancy;

/// <summary>
/// Tenancy and access as one module: the brand → region → dealer tree, admin accounts and sign-in, the audit log, and
/// who may reach what (schemes, policies, server-side sessions, tenant route filters). Other features use
/// <c>Tenancy.Contracts</c> and the auth surface in <c>Tenancy.Access</c> (policies, claims, schemes, role vocabularies).
/// </summary>
public static class TenancyFeature
{
    /// <summary>Brands, regions, dealers, admin users and the audit log; the first platform admin at start-up; cookie sessions and policies.</summary>
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
        services.AddSingleton<IBrandDirectory>(sp => sp.GetRequiredService<BrandStore>());
        services.AddSingleton<RegionStore>();
        services.AddSingleton<DealerStore>();
        services.AddSingleton<IDealerRegistry, DealerRegistry>();
        services.AddSingleton<AdminUserStore>();
        services.AddSingleton<AdminAccounts>();
        services.AddSingleton<AdminSignInThrottles>();
        services.AddQuartz(q => q.ScheduleJob<PurgeForgottenSignInFailuresJob>(
            trigger => trigger
                .WithIdentity(PurgeForgottenSignInFailuresJob.Key.Name, PurgeForgottenSignInFailuresJob.Key.Group)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(PurgeForgottenSignInFailuresJob.Interval).RepeatForever()),
            job => job.WithIdentity(PurgeForgottenSignInFailuresJob.Key)));
        services.AddSingleton<AdminSignIn>();
        services.AddSingleton<ISessionSubjects, AdminSessionSubjects>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<AuditLog>());
        services.AddHostedService<AdminBootstrap>();
        services.AddAccess(configuration);
        return services;
    }

    /// <summary>Authentication, authorization and antiforgery, in that order, before any endpoint runs.</summary>
    public static WebApplication UseTenancy(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
