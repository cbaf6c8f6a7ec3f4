using System.Security.Cryptography;

namespace WeLink.Server.Coordination;

/// <summary>The handle both lock providers hand out: it remembers its random owner token and releases once.</summary>
internal sealed class OwnedLockHandle(string name, string owner, ILockOwnership ownership) : IDistributedLockHandle
{
    private int _released;

    public string Name => name;

    /// <summary>An owner token no other acquisition, on this node or another, will ever draw.</summary>
    public static string NewOwnerToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public Task<bool> ExtendAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        CoordinationArguments.ThrowIfInvalidLease(lease);
        return Volatile.Read(ref _released) == 1
            ? Task.FromResult(false)
            : ownership.ExtendAsync(name, owner, lease, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            await ownership.ReleaseAsync(name, owner);
        }
    }
}
