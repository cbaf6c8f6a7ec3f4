using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Control;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Faults;
using WeLink.Sandbox.Flows;
using WeLink.Sandbox.Pages;
using WeLink.Sandbox.Pushes;
using WeLink.Sandbox.Recording;
using WeLink.Sandbox.Time;
using WeLink.Sandbox.Wechat;
using WeLink.Sandbox.Wecom;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Hosting;

public static class SandboxFeature
{
    /// <summary>Every sandbox route lives under this prefix, so it can share a host with WeLink.</summary>
    public const string PathPrefix = "/sandbox";

    /// <summary>The stand-in for the WeCom client's JS bridge, which the staff app loads when the sandbox runs in-process.</summary>
    public const string BridgeScriptPath = PathPrefix + "/wecom/bridge.js";

    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SandboxOptions>()
            .Bind(configuration.GetSection(SandboxOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();

        // What a previous run saved is taken up as each part is built, before any request or push can use it.
        services.AddSingleton<SandboxStateFile>();
        services.AddHostedService<SandboxStatePersistence>();

        // Tests may register their own clock first (over a FakeTimeProvider); the host's TimeProvider is left alone.
        services.TryAddSingleton(sp =>
        {
            var clock = new SandboxClock(TimeProvider.System);
            if (sp.GetRequiredService<SandboxStateFile>().Saved is { } saved)
            {
                clock.Restore(saved.ClockOffset);
            }

            return clock;
        });
        services.AddSingleton(sp =>
        {
            var world = new SandboxWorld(sp.GetRequiredService<SandboxClock>());
            if (sp.GetRequiredService<SandboxStateFile>().Saved is { } saved)
            {
                world.Restore(saved.World);
            }
            else if (sp.GetRequiredService<IOptions<SandboxOptions>>().Value.Seed)
            {
                WorldSeeder.Seed(world);
            }

            return world;
        });
        services.AddSingleton(sp =>
        {
            var credentials = new SandboxCredentials(sp.GetRequiredService<SandboxClock>());
            if (sp.GetRequiredService<SandboxStateFile>().Saved is { } saved)
            {
                credentials.Restore(saved.Credentials);
            }

            return credentials;
        });
        services.AddSingleton<PushLog>();
        services.AddSingleton(sp =>
        {
            var messages = new MessageLog(sp.GetRequiredService<SandboxClock>());
            if (sp.GetRequiredService<SandboxStateFile>().Saved is { } saved)
            {
                messages.Restore(saved.Messages);
            }

            return messages;
        });
        services.AddSingleton<SandboxPushes>();
        services.AddSingleton<AuthorizationFlows>();
        services.AddSingleton<ConsumerFlows>();
        services.AddSingleton<MiniProgramFlows>();
        services.AddSingleton<SubscribeEventPushes>();
        services.AddSingleton<StaffFlows>();
        services.AddSingleton<ClientBridgeBook>();
        services.AddSingleton<FaultBook>();
        services.AddSingleton<InFlightCalls>();
        services.AddSingleton<QuotaBook>();
        services.AddSingleton<PushEncryption>();
        services.AddSingleton(sp => new UrlVerifier(
            sp.GetRequiredService<IOptions<SandboxOptions>>(), sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<SandboxClock>()));
        services.AddHttpClient(PushDeliveryService.HttpClientName);
        services.AddHostedService<PushDeliveryService>();
        services.AddHostedService<TicketPushService>();
        return services;
    }

    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder endpoints)
    {
        var sandbox = endpoints.MapGroup(PathPrefix);
        var wechat = sandbox.MapGroup("/wechat").ExcludeFromDescription().AddEndpointFilterFactory(Guard("/wechat/"));
        wechat.MapComponentEndpoints();
        wechat.MapOAuthEndpoints();
        wechat.MapMiniProgramLoginEndpoints();
        wechat.MapOfficialAccountEndpoints();
        wechat.MapMiniProgramMessageEndpoints();
        wechat.MapMiniProgramPhoneEndpoints();
        wechat.MapOpenPlatformBindingEndpoints();
        var wecom = sandbox.MapGroup("/wecom").ExcludeFromDescription().AddEndpointFilterFactory(Guard("/wecom/"));
        wecom.MapSuiteEndpoints();
        wecom.MapCorpEndpoints();
        sandbox.MapControlEndpoints();

        // The client bridge stands in for the WeCom app on the phone, not for WeCom's API host: no API faults or quotas.
        sandbox.MapClientBridge();
        var pages = sandbox.MapGroup("").ExcludeFromDescription();
        pages.MapAuthorizationPages();
        pages.MapOAuthPages();
        pages.MapPhonesPage();
        return endpoints;
    }

    private static Func<EndpointFilterFactoryContext, EndpointFilterDelegate, EndpointFilterDelegate> Guard(string hostPrefix) =>
        (context, next) =>
        {
            var services = context.ApplicationServices;
            var guard = new ApiGuardFilter(
                services.GetRequiredService<FaultBook>(), services.GetRequiredService<QuotaBook>(), services.GetRequiredService<InFlightCalls>(), hostPrefix);
            return invocation => guard.InvokeAsync(invocation, next);
        };
}
