using System.Diagnostics.CodeAnalysis;

namespace WeLink.Server.Coordination;

/// <summary>
/// Locks for a single node. A waiter sleeps until the holder releases or its lease runs out
/// (whichever comes first, by the injected clock) instead of polling.
/// </summary>
public sealed class InProcessDistributedLockProvider(TimeProvider timeProvider) : IDistributedLockProvider, ILockOwnership
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lease> _leases = new(StringComparer.Ordinal);

    public async Task<IDistributedLockHandle?> TryAcquireAsync(string name, TimeSpan lease, TimeSpan wait, CancellationToken cancellationToken)
    {
        CoordinationArguments.ThrowIfInvalidLock(name, lease, wait);
        var owner = OwnedLockHandle.NewOwnerToken();
        var deadline = timeProvider.GetUtcNow() + wait;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = timeProvider.GetUtcNow();
            Task freed;
            TimeSpan untilExpiry;
            lock (_gate)
            {
                if (!_leases.TryGetValue(name, out var current) || current.ExpiresAt <= now)
                {
                    // Wake anyone still waiting on the expired lease, so they start waiting on the new one.
                    current?.Freed.TrySetResult();
                    _leases[name] = new Lease(owner, now + lease);
                    return new OwnedLockHandle(name, owner, this);
                }
                freed = current.Freed.Task;
                untilExpiry = current.ExpiresAt - now;
            }
            var remaining = deadline - now;
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }
            // A timeout or cancellation here only ends this nap; the loop decides what it means.
            await freed.WaitAsync(Min(remaining, untilExpiry), timeProvider, cancellationToken)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    Task<bool> ILockOwnership.ExtendAsync(string name, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!TryGetOwned(name, owner, out var current) || current.ExpiresAt <= now)
            {
                return Task.FromResult(false);
            }
            current.ExpiresAt = now + lease;
            return Task.FromResult(true);
        }
    }

    Task ILockOwnership.ReleaseAsync(string name, string owner)
    {
        lock (_gate)
        {
            if (TryGetOwned(name, owner, out var current))
            {
                _leases.Remove(name);
                current.Freed.TrySetResult();
            }
        }
        return Task.CompletedTask;
    }

    private bool TryGetOwned(string name, string owner, [NotNullWhen(true)] out Lease? lease) =>
        _leases.TryGetValue(name, out lease) && string.Equals(lease.Owner, owner, StringComparison.Ordinal);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed class Lease(string owner, DateTimeOffset expiresAt)
    {
        public string Owner { get; } = owner;

        public DateTimeOffset ExpiresAt { get; set; } = expiresAt;

        /// <summary>Completes when this lease ends, by release or by being taken over after expiry.</summary>
        public TaskCompletionSource Freed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
