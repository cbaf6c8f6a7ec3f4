using WeLink.Server.Platform.Contracts;
using WeLink.Wechat;
using WeLink.Wechat.Tokens;

namespace WeLink.Server.Platform;

public static class PlatformFeature
{
    /// <summary>
    /// The WeChat/WeCom SDK with WeLink's shared stores: tickets and long-lived credentials in the database
    /// (encrypted), tokens and single-flight locks in the coordination store, so every node sees one token; a request
    /// that meets no ticket yet answers 503 in Chinese (<see cref="MissingTicketHandler"/>).
    /// </summary>
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PlatformSecretStore>();
        services.AddSingleton<IComponentTicketStore>(sp => sp.GetRequiredService<PlatformSecretStore>());
        services.AddSingleton<ISuiteTicketStore>(sp => sp.GetRequiredService<PlatformSecretStore>());
        services.AddSingleton<IAuthorizerCredentialStore>(sp => sp.GetRequiredService<PlatformSecretStore>());
        services.AddSingleton<ICorpCredentialStore>(sp => sp.GetRequiredService<PlatformSecretStore>());
        services.AddSingleton<IAuthorizerSecrets>(sp => sp.GetRequiredService<PlatformSecretStore>());
        services.AddSingleton<ITokenCache, CoordinationTokenCache>();
        services.AddSingleton<IDistributedLock, CoordinationWechatLock>();
        services.AddWechat(configuration);
        services.AddTransient<ComponentTicketRequests>();
        services.AddExceptionHandler<MissingTicketHandler>();
        return services;
    }
}
