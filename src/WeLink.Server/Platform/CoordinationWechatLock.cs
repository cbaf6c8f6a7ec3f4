using WeLink.Server.Coordination;
using WeLink.Wechat.Tokens;

namespace WeLink.Server.Platform;

/// <summary>WeLink.Wechat's single-flight lock on the shared lock provider (Redis on a cluster).</summary>
public sealed class CoordinationWechatLock(IDistributedLockProvider locks) : IDistributedLock
{
    private const string Prefix = "wechat:";

    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan lease, TimeSpan wait, CancellationToken cancellationToken) =>
        await locks.TryAcquireAsync(Prefix + name, lease, wait, cancellationToken);
}
