namespace WeLink.Server.Coordination;

/// <summary>Named mutual-exclusion locks, held across all server nodes (Redis) or within one process.</summary>
public interface IDistributedLockProvider
{
    /// <summary>
    /// Tries to become the only holder of <paramref name="name"/> for <paramref name="lease"/>, waiting up to
    /// <paramref name="wait"/> (zero: one attempt). Null when another holder kept it for the whole wait.
    /// The lease frees the lock by itself when a holder dies without releasing it.
    /// </summary>
    Task<IDistributedLockHandle?> TryAcquireAsync(string name, TimeSpan lease, TimeSpan wait, CancellationToken cancellationToken);
}
