using Microsoft.Extensions.Options;

namespace WeLink.Server.Cases.Timers;

/// <summary>
/// Runs <see cref="CaseTimerRunner"/> on every node. A plain background service rather than a Quartz job: the timers are
/// rows claimed with a lease, which already gives once-across-nodes firing; Quartz would add a second schedule to keep
/// in step with the table. Due-ness follows the injected <see cref="TimeProvider"/>; the rest between polls is real time.
/// </summary>
public sealed partial class CaseTimerService(CaseTimerRunner runner, IOptions<CaseOptions> options, ILogger<CaseTimerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunTimers)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await runner.RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }

            if (claimed == 0)
            {
                await Task.Delay(options.Value.TimerPollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Firing due case timers failed; trying again after the poll interval")]
    private partial void LogFailed(Exception exception);
}
