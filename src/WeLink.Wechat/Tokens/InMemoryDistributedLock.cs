using System.Collections.Concurrent;

namespace WeLink.Wechat.Tokens;

/// <summary>
/// A lock for a single node and for tests. The lease is not enforced: a holder cannot die without
/// taking this process, and every waiter, with it.
/// </summary>
public sealed class InMemoryDistributedLock : IDistributedLock
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();

    public async Task<IAsyncDisposable?> TryAcquireAsync(
        string name, TimeSpan lease, TimeSpan wait, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(wait, cancellationToken) ? new Held(gate) : null;
    }

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
