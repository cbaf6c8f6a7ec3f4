namespace WeLink.Server.Data.Queues;

/// <summary>Work that <see cref="PollingService{TWorker}"/> runs round after round.</summary>
public interface IQueueWorker
{
    /// <summary>Whether and how this node polls for the work.</summary>
    PollingSettings Polling { get; }

    /// <summary>Claims and handles at most <see cref="PollingSettings.BatchSize"/> due items; returns how many it claimed.</summary>
    Task<int> RunDueAsync(CancellationToken cancellationToken);
}
