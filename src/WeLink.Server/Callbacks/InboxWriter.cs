using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace WeLink.Server.Callbacks;

/// <summary>
/// Writes callbacks to the inbox in groups: callbacks that arrive while an insert is running wait and go into the
/// next one together, so a burst costs a few statements and commits instead of one each. A callback's request
/// still waits until the commit that carries its row, so nothing is answered before it is stored. When a group
/// insert fails, its entries are written one by one, so one bad entry fails only its own request.
/// </summary>
public sealed partial class InboxWriter(InboxStore store, IOptions<InboxOptions> options, ILogger<InboxWriter> logger)
    : BackgroundService
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    /// <summary>Stores the entry unless its dedup key is already stored; true when this call wrote it.</summary>
    /// <exception cref="InvalidOperationException">The node is shutting down and takes no more callbacks.</exception>
    public async Task<bool> TryAddAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(entry);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The inbox is shutting down and takes no more callbacks.");
        }

        // Cancelling stops the wait, not the write: a row written after the caller left is answered as a duplicate
        // when the platform retries.
        return await pending.Written.Task.WaitAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The web server has stopped taking requests by now: finish what is queued, then stop.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Writers).Select(_ => Task.Run(WriteUntilCompletedAsync, CancellationToken.None)));

    private async Task WriteUntilCompletedAsync()
    {
        var maxGroup = options.Value.WriteGroupSize;
        var group = new List<PendingWrite>(maxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (group.Count < maxGroup && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            await WriteAsync(group);
            group.Clear();
        }
    }

    private async Task WriteAsync(List<PendingWrite> group)
    {
        if (group.Count == 0)
        {
            return;
        }

        try
        {
            var written = await store.AddNewAsync(group.ConvertAll(p => p.Entry), CancellationToken.None);
            foreach (var pending in group)
            {
                pending.Written.TrySetResult(written.Contains(pending.Entry.Id));
            }
        }
        catch (Exception failure) when (group.Count > 1)
        {
            LogGroupFailed(group.Count, failure);
            foreach (var pending in group)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception failure)
        {
            group[0].Written.TrySetException(failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} callbacks to the inbox together failed; writing them one by one")]
    private partial void LogGroupFailed(int count, Exception failure);

    private sealed record PendingWrite(InboxEntry Entry)
    {
        public TaskCompletionSource<bool> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
