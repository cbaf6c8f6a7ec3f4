using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Hosting;

namespace WeLink.Server.Tests.Support;

/// <summary>A real WeLink host on a loopback port, reached over real HTTP.</summary>
public sealed class WeLinkTestHost : IAsyncDisposable
{
    private WeLinkTestHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<WeLinkTestHost> StartAsync(
        IEnumerable<string> args,
        Action<WebApplicationBuilder>? configure = null)
    {
        string[] all =
        [
            $"--urls=http://127.0.0.1:{FreePort.Loopback()}",
            "--environment=Testing",
            "--Logging:LogLevel:Default=Warning",
            .. SandboxSettings.Args,
            .. args,
        ];
        var app = WeLinkApp.Build(all, configure);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WeLinkTestHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
