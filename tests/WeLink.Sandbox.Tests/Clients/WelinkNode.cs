using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Wechat;
using WeLink.Wechat.OfficialAccount;
using WeLink.Wechat.OpenPlatform;
using WeLink.Wechat.Tokens;
using WeLink.Wechat.WeCom;

namespace WeLink.Sandbox.Tests.Clients;

/// <summary>
/// One WeLink server node pointed at the sandbox: its own DI container, HTTP pipeline and in-process
/// single-flight, sharing with other nodes only <see cref="SharedState"/>.
/// </summary>
public sealed class WelinkNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private WelinkNode(ServiceProvider services) => _services = services;

    public static WelinkNode Start(SandboxHost host, SharedState shared, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WeChat:ApiBaseUrl"] = new Uri(host.BaseAddress, "wechat").AbsoluteUri,
            ["WeChat:MpBaseUrl"] = new Uri(host.BaseAddress, "mp").AbsoluteUri,
            ["WeChat:OpenBaseUrl"] = new Uri(host.BaseAddress, "open").AbsoluteUri,
            ["WeChat:Component:AppId"] = SandboxHost.ComponentAppId,
            ["WeChat:Component:AppSecret"] = SandboxHost.ComponentSecret,
            ["WeChat:Component:Token"] = SandboxHost.ComponentToken,
            ["WeChat:Component:EncodingAesKey"] = SandboxHost.ComponentAesKey,
            ["WeCom:ApiBaseUrl"] = new Uri(host.BaseAddress, "wecom").AbsoluteUri,
            ["WeCom:OpenBaseUrl"] = new Uri(host.BaseAddress, "wecom-open").AbsoluteUri,
            ["WeCom:ProviderCorpId"] = SandboxHost.ProviderCorpId,
            ["WeCom:Suite:SuiteId"] = SandboxHost.SuiteId,
            ["WeCom:Suite:SuiteSecret"] = SandboxHost.SuiteSecret,
            ["WeCom:Suite:Token"] = SandboxHost.SuiteToken,
            ["WeCom:Suite:EncodingAesKey"] = SandboxHost.SuiteAesKey,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(shared.Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<ITokenCache>(shared.Cache);
        services.AddSingleton<IDistributedLock>(shared.Lock);
        services.AddSingleton<IComponentTicketStore>(shared.Store);
        services.AddSingleton<ISuiteTicketStore>(shared.Store);
        services.AddSingleton<IAuthorizerCredentialStore>(shared.Store);
        services.AddSingleton<ICorpCredentialStore>(shared.Store);
        services.AddWechat(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        foreach (var client in new[] { nameof(ComponentClient), nameof(OfficialAccountClient), nameof(SuiteClient), nameof(CorpClient) })
        {
            // Added after AddWechat, so it sits inside the resilience handler and sees every attempt.
            services.AddHttpClient(client).AddHttpMessageHandler(() => new WireRecorder.Handler(shared.Wire));
        }

        return new WelinkNode(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
