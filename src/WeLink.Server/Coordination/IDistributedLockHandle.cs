namespace WeLink.Server.Coordination;

/// <summary>
/// A held lock. Disposing releases it, but only while this handle still owns it: after the lease ran out
/// and someone else acquired the lock, disposing leaves the new holder's lock alone.
/// </summary>
public interface IDistributedLockHandle : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Sets the remaining lease to <paramref name="lease"/>; false when this handle no longer owns the lock.</summary>
    Task<bool> ExtendAsync(TimeSpan lease, CancellationToken cancellationToken);
}
