using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Hosting;

namespace WeLink.Testing;

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

    /// <remarks>
    /// The in-process sandbox needs the port before Kestrel binds, so a free port is picked first; another
    /// test can take it in between, in which case a fresh port is tried (a few times, then the error stands).
    /// </remarks>
    public static async Task<WeLinkTestHost> StartAsync(
        IEnumerable<string> args,
        Action<WebApplicationBuilder>? configure = null)
    {
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            string[] all =
            [
                $"--urls=http://127.0.0.1:{FreePort.Loopback()}",
                "--environment=Testing",
                "--Logging:LogLevel:Default=Warning",
                // Tests file many complaints as one consumer; the filing limit's own test sets it low again.
                "--RateLimits:ConsumerFilings:PermitLimit=10000",
                .. SandboxSettings.Args,
                .. args,
            ];
            var app = WeLinkApp.Build(all, configure);
            try
            {
                await app.StartAsync();
                var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
                return new WeLinkTestHost(app, new Uri(address));
            }
            catch (IOException e) when (e.InnerException is AddressInUseException && attempt < attempts)
            {
                await app.DisposeAsync();
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
