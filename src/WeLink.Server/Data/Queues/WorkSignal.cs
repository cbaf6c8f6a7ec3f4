using System.Threading.Channels;

namespace WeLink.Server.Data.Queues;

/// <summary>
/// Wakes this node's <typeparamref name="TWorker"/> when this node queued work for it, so the work is done at once
/// instead of at the next poll. Many notifications before a wake-up count as one.
/// </summary>
public sealed class WorkSignal<TWorker>
    where TWorker : IQueueWorker
{
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Notify() => _wakeUps.Writer.TryWrite(true);

    /// <summary>
    /// Returns when notified or when <paramref name="timeout"/> of real time has passed. Real time, not the application's
    /// clock: due-ness follows that clock, but a test's fake clock that stands still must not stop the polling.
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _wakeUps.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a local notification.
        }
    }
}
