using Microsoft.Extensions.Options;

namespace WeLink.Server.Cases.Outbox;

/// <summary>Runs <see cref="OutboxDispatcher"/> on every node; leases keep nodes from delivering the same item at once.</summary>
public sealed partial class OutboxService(OutboxDispatcher dispatcher, IOptions<CaseOptions> options, ILogger<OutboxService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunOutbox)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await dispatcher.RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }

            if (claimed == 0)
            {
                await Task.Delay(options.Value.OutboxPollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering the outbox failed; trying again after the poll interval")]
    private partial void LogFailed(Exception exception);
}
