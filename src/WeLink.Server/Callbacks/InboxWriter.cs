using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace WeLink.Server.Callbacks;

/// <summary>
/// Writes callbacks to the inbox in groups: callbacks that arrive while a group is being written wait and go into the
/// next one together, so a burst costs one nonce check and one insert and commit per group instead of one each. The
/// nonces are checked first and a replayed one keeps its entry out of the insert. A callback's request still waits
/// until the commit that carries its row, so nothing is answered before it is stored. When a group fails, its entries
/// are written one by one, so one bad entry fails only its own request (a nonce checked again by its own request
/// passes, as a retry does).
/// </summary>
public sealed partial class InboxWriter(InboxStore store, NonceGuard nonces, IOptions<InboxOptions> options, ILogger<InboxWriter> logger)
    : BackgroundService
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    /// <summary>Stores the entry unless its nonce was used by another request or its dedup key is already stored.</summary>
    /// <exception cref="InvalidOperationException">The node is shutting down and takes no more callbacks.</exception>
    public async Task<InboxWriteOutcome> TryAddAsync(InboxEntry entry, NonceUse nonce, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(entry, nonce);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The inbox is shutting down and takes no more callbacks.");
        }

        // Cancelling stops the wait, not the write: a row written after the caller left is answered as a duplicate
        // when the platform retries.
        return await pending.Outcome.Task.WaitAsync(cancellationToken);
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
            var fresh = await nonces.TryUseAllAsync(group.ConvertAll(p => p.Nonce), CancellationToken.None);
            var admitted = new List<PendingWrite>(group.Count);
            for (var i = 0; i < group.Count; i++)
            {
                if (fresh[i])
                {
                    admitted.Add(group[i]);
                }
                else
                {
                    group[i].Outcome.TrySetResult(InboxWriteOutcome.NonceUsed);
                }
            }

            var written = await store.AddNewAsync(admitted.ConvertAll(p => p.Entry), CancellationToken.None);
            foreach (var pending in admitted)
            {
                pending.Outcome.TrySetResult(written.Contains(pending.Entry.Id) ? InboxWriteOutcome.Written : InboxWriteOutcome.AlreadyStored);
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
            group[0].Outcome.TrySetException(failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} callbacks to the inbox together failed; writing them one by one")]
    private partial void LogGroupFailed(int count, Exception failure);

    private sealed record PendingWrite(InboxEntry Entry, NonceUse Nonce)
    {
        public TaskCompletionSource<InboxWriteOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
