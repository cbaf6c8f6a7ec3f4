using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Onboarding.Accounts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Onboarding.Corps;
using WeLink.Server.Onboarding.Menus;
using WeLink.Server.Onboarding.MiniPrograms;
using WeLink.Server.Onboarding.OpenPlatform;

namespace WeLink.Server.Onboarding;

public static class OnboardingFeature
{
    /// <summary>
    /// Onboarding's services, its inbox handlers and what other features use (its <c>Contracts</c>). Services that call
    /// WeChat are transient because the typed API clients are.
    /// </summary>
    public static IServiceCollection AddOnboarding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OnboardingOptions>().Bind(configuration.GetSection(OnboardingOptions.SectionName));
        services.AddSingleton<LinkStore>();
        services.AddSingleton<IAccountOriginalIds>(sp => sp.GetRequiredService<LinkStore>());
        services.AddSingleton<GrantClaims>();
        services.AddSingleton<StaffStore>();
        services.AddTransient<IDealerStaffRoles, StaffRoleGrants>();
        services.AddSingleton<BrandMenuStore>();
        services.AddSingleton<MiniProgramLinkStore>();
        services.AddSingleton<IBrandMiniPrograms>(sp => sp.GetRequiredService<MiniProgramLinkStore>());
        services.AddSingleton<MiniProgramPreAuthCodes>();
        services.AddSingleton<OpenPlatformBindingStore>();
        services.AddTransient<OpenPlatformBinder>();
        services.AddTransient<IOpenPlatformBindings>(sp => sp.GetRequiredService<OpenPlatformBinder>());
        services.AddSingleton<IDealerLinks, DealerLinks>();
        services.AddSingleton<IDealerDirectory, DealerDirectory>();
        services.AddSingleton<IStaffDirectory, StaffDirectory>();
        services.AddTransient<MenuPublisher>();
        services.AddTransient<IBrandMenus, BrandMenus>();
        services.AddTransient<ComponentAuthorization>();
        services.AddTransient<AccountAuthorizations>();
        services.AddTransient<MiniProgramAuthorizations>();
        services.AddTransient<SuiteAuthorizationReader>();
        services.AddTransient<DirectorySync>();
        services.AddTransient<CorpInstallations>();
        services.AddTransient<RoleGrantNotice>();
        services.AddInboxHandler<AccountAuthorizationHandler>();
        services.AddInboxHandler<SuiteAuthorizationHandler>();
        services.AddInboxHandler<ContactChangeHandler>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, OnboardingJsonContext.Default));
        return services;
    }

    public static IEndpointRouteBuilder MapOnboarding(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOnboardingPages();
        endpoints.MapOnboardingApi();
        return endpoints;
    }
}
