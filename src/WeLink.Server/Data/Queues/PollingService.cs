namespace WeLink.Server.Data.Queues;

/// <summary>
/// Runs a <typeparamref name="TWorker"/> on this node: a round at once, and another straight after a full batch (more may
/// be waiting); after a smaller one it rests until its <see cref="WorkSignal{TWorker}"/> or the poll interval wakes it.
/// A failed round is logged and tried again after the rest. On shutdown it stops between rounds or mid-round; items
/// claimed but unfinished come back to a claimer when their lease passes.
/// </summary>
public sealed partial class PollingService<TWorker>(TWorker worker, WorkSignal<TWorker> signal, ILogger<PollingService<TWorker>> logger)
    : BackgroundService
    where TWorker : IQueueWorker
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!worker.Polling.Enabled)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = 0;
                try
                {
                    claimed = await worker.RunDueAsync(stoppingToken);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    LogRoundFailed(typeof(TWorker).Name, failure);
                }

                if (claimed < worker.Polling.BatchSize)
                {
                    await signal.WaitAsync(worker.Polling.Interval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Worker} round failed; trying again after the poll interval")]
    private partial void LogRoundFailed(string worker, Exception failure);
}
