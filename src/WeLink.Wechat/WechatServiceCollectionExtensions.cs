using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using WeLink.Wechat.MiniProgram;
using WeLink.Wechat.OfficialAccount;
using WeLink.Wechat.OpenPlatform;
using WeLink.Wechat.Options;
using WeLink.Wechat.Tokens;
using WeLink.Wechat.WeCom;
using WeLink.Wechat.WeCom.JsSdk;

namespace WeLink.Wechat;

public static class WechatServiceCollectionExtensions
{
    /// <summary>
    /// Registers options (validated at start), the token layer and the five API clients. The token cache, the
    /// lock and the ticket/credential stores default to in-memory single-node versions; a host with several
    /// nodes or a database registers its own implementations (before or after this call, either works).
    /// </summary>
    public static IServiceCollection AddWechat(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<WeChatOptions>().Bind(configuration.GetSection(WeChatOptions.SectionName)).ValidateOnStart();
        services.AddOptions<WeComOptions>().Bind(configuration.GetSection(WeComOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeChatOptions>, WeChatOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeComOptions>, WeComOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITokenCache, InMemoryTokenCache>();
        services.TryAddSingleton<IDistributedLock, InMemoryDistributedLock>();
        services.TryAddSingleton<InMemoryCredentialStore>();
        services.TryAddSingleton<IComponentTicketStore>(sp => sp.GetRequiredService<InMemoryCredentialStore>());
        services.TryAddSingleton<ISuiteTicketStore>(sp => sp.GetRequiredService<InMemoryCredentialStore>());
        services.TryAddSingleton<IAuthorizerCredentialStore>(sp => sp.GetRequiredService<InMemoryCredentialStore>());
        services.TryAddSingleton<ICorpCredentialStore>(sp => sp.GetRequiredService<InMemoryCredentialStore>());

        services.TryAddSingleton<TokenProvider>();
        services.TryAddTransient<AuthorizerTokenProvider>();
        services.TryAddTransient<CorpTokenProvider>();
        services.TryAddSingleton<ComponentPageUrls>();
        services.TryAddSingleton<SuitePageUrls>();
        services.TryAddTransient<JsSdkTickets>();
        services.TryAddTransient<JsSdkSigner>();

        // RemoveAllLoggers: the factory's default logging writes request URLs, whose query strings carry tokens;
        // WechatApiCaller logs the API path instead.
        // The standard handler retries connection failures, 5xx, 408/429 and timeouts. Token, authorization and
        // lookup calls repeat harmlessly (at worst a single-use code is refused the second time), so they keep it.
        // The official-account, mini-program and corp clients send messages to people by POST: a timeout after WeChat accepted
        // one would send it twice, so their POSTs are not retried here. The outbox above retries them with an
        // idempotency key (client_msg_id, enable_duplicate_check); their GETs still retry.
        services.AddHttpClient<ComponentClient>().RemoveAllLoggers().AddStandardResilienceHandler();
        services.AddHttpClient<SuiteClient>().RemoveAllLoggers().AddStandardResilienceHandler();
        services.AddHttpClient<OfficialAccountClient>().RemoveAllLoggers()
            .AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
        services.AddHttpClient<MiniProgramClient>().RemoveAllLoggers()
            .AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
        // A create retried after a timeout WeChat had already served would answer 89000 (already bound), not create twice,
        // but the caller could not tell which open-platform account it made.
        services.AddHttpClient<OpenBindingClient>().RemoveAllLoggers()
            .AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
        services.AddHttpClient<CorpClient>().RemoveAllLoggers()
            .AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());

        return services;
    }
}
