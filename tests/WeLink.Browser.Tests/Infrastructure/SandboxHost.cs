using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using WeLink.Sandbox.Hosting;

namespace WeLink.Browser.Tests.Infrastructure;

/// <summary>The real sandbox on 127.0.0.1 with a free port, pushing to the given callback base URL.</summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>http://127.0.0.1:port/sandbox/</summary>
    public Uri BaseAddress { get; }

    /// <summary>Calls the sandbox's APIs relative to <see cref="BaseAddress"/>.</summary>
    public HttpClient Client { get; }

    public static async Task<SandboxHost> StartAsync(Uri callbackBaseUrl)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sandbox:Component:AppId"] = TestCredentials.ComponentAppId,
            ["Sandbox:Component:AppSecret"] = TestCredentials.ComponentSecret,
            ["Sandbox:Component:Token"] = TestCredentials.ComponentToken,
            ["Sandbox:Component:EncodingAesKey"] = TestCredentials.ComponentAesKey,
            ["Sandbox:Suite:SuiteId"] = TestCredentials.SuiteId,
            ["Sandbox:Suite:SuiteSecret"] = TestCredentials.SuiteSecret,
            ["Sandbox:Suite:Token"] = TestCredentials.SuiteToken,
            ["Sandbox:Suite:EncodingAesKey"] = TestCredentials.SuiteAesKey,
            ["Sandbox:ProviderCorpId"] = TestCredentials.ProviderCorpId,
            ["Sandbox:CallbackBaseUrl"] = callbackBaseUrl.ToString(),

            // Tickets are pushed when a test asks for them, so the receiver sees only what the test caused.
            ["Sandbox:PushTicketsOnSchedule"] = "false",
        });
        builder.Services.AddSandbox(builder.Configuration);
        var app = builder.Build();
        app.MapSandbox();
        await app.StartAsync();
        return new SandboxHost(app, new Uri(Loopback.AddressOf(app).ToString().TrimEnd('/') + SandboxFeature.PathPrefix + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
