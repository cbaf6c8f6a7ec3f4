using Microsoft.Extensions.Options;
using WeLink.Sandbox.Hosting;
using WeLink.Sandbox.Time;

namespace WeLink.Sandbox.Pushes;

/// <summary>
/// Pushes component_verify_ticket and suite_ticket every TicketPushInterval of sandbox time (an
/// advance of the clock brings the next push forward), starting once the host is up.
/// </summary>
public sealed class TicketPushService(
    SandboxPushes pushes, SandboxClock clock, IOptions<SandboxOptions> options, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PushTicketsOnSchedule)
        {
            return;
        }

        // In-process hosting: WeLink's endpoints listen only once the host has started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            pushes.PushComponentVerifyTicket();
            pushes.PushSuiteTicket();
            await clock.WaitUntilAsync(clock.GetUtcNow() + options.Value.TicketPushInterval, stoppingToken);
        }
    }
}
