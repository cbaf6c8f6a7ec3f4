using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Wechat.Tokens;

namespace WeLink.Testing;

/// <summary>The sandbox pushes both tickets to WeLink's callback URLs, as it does every 10 minutes in production.</summary>
public static class PlatformTickets
{
    public static async Task PushAsync(WeLinkTestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        foreach (var push in new[] { "pushes/component-verify-ticket", "pushes/suite-ticket" })
        {
            var answer = await host.Http.PostAsJsonAsync(new Uri("/sandbox/control/" + push, UriKind.Relative), new { });
            Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        }

        var tickets = host.Services.GetRequiredService<IComponentTicketStore>();
        var suiteTickets = host.Services.GetRequiredService<ISuiteTicketStore>();
        await Poll.UntilAsync(
            async () => (await tickets.GetAsync(SandboxSettings.ComponentAppId, CancellationToken.None)) is not null
                && (await suiteTickets.GetAsync(SandboxSettings.SuiteId, CancellationToken.None)) is not null,
            stored => stored,
            Deadline.BackgroundWork,
            "both tickets to be stored from their pushes");
    }
}
