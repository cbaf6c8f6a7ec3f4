using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeLink.Sandbox.Hosting;
using WeLink.Sandbox.Time;

namespace WeLink.Sandbox.Tests.Infrastructure;

/// <summary>The real sandbox on 127.0.0.1 with a free port, configured with the test credentials.</summary>
public sealed class SandboxHost : IAsyncDisposable
{
    public const string ComponentAppId = "wx0123456789abcdef";
    public const string ComponentSecret = "component-secret-for-tests";
    public const string ComponentToken = "componentPushToken";
    public const string ComponentAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string SuiteId = "wwtestsuite0000001";
    public const string SuiteSecret = "suite-secret-for-tests";
    public const string SuiteToken = "suitePushToken";
    public const string SuiteAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string ProviderCorpId = "wwtestprovider0001";

    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>http://127.0.0.1:port/sandbox/</summary>
    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public SandboxClock Clock => _app.Services.GetRequiredService<SandboxClock>();

    public IServiceProvider Services => _app.Services;

    public static async Task<SandboxHost> StartAsync(Uri? callbackBaseUrl = null, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var configuration = new Dictionary<string, string?>
        {
            ["Sandbox:Component:AppId"] = ComponentAppId,
            ["Sandbox:Component:AppSecret"] = ComponentSecret,
            ["Sandbox:Component:Token"] = ComponentToken,
            ["Sandbox:Component:EncodingAesKey"] = ComponentAesKey,
            ["Sandbox:Suite:SuiteId"] = SuiteId,
            ["Sandbox:Suite:SuiteSecret"] = SuiteSecret,
            ["Sandbox:Suite:Token"] = SuiteToken,
            ["Sandbox:Suite:EncodingAesKey"] = SuiteAesKey,
            ["Sandbox:ProviderCorpId"] = ProviderCorpId,
            ["Sandbox:CallbackBaseUrl"] = callbackBaseUrl?.ToString(),

            // Only the pushes a test asks for; the scheduled ones have their own test.
            ["Sandbox:PushTicketsOnSchedule"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddSandbox(builder.Configuration);
        var app = builder.Build();
        app.MapSandbox();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new SandboxHost(app, new Uri(address.TrimEnd('/') + SandboxFeature.PathPrefix + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
