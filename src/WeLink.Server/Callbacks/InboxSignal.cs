using System.Threading.Channels;

namespace WeLink.Server.Callbacks;

/// <summary>
/// Wakes this node's dispatcher when its callback endpoint stored an event, so local events are handled
/// at once instead of at the next poll. Many notifications before a wake-up count as one.
/// </summary>
public sealed class InboxSignal
{
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Notify() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Returns when notified or when <paramref name="timeout"/> of <paramref name="time"/>'s clock has passed.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _wakeUps.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a local event.
        }
    }
}
