namespace WeLink.Wechat.Tokens;

/// <summary>A lock all nodes share (Redis in production).</summary>
public interface IDistributedLock
{
    /// <summary>
    /// Waits up to <paramref name="wait"/> for the lock named <paramref name="name"/>. Returns the held lock,
    /// to dispose when done, or null if it stayed taken. The lock frees itself after <paramref name="lease"/>
    /// if its holder dies.
    /// </summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan lease, TimeSpan wait, CancellationToken cancellationToken);
}
