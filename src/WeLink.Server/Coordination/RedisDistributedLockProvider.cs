using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace WeLink.Server.Coordination;

/// <summary>
/// Locks across all nodes: <c>SET {KeyPrefix}lock:{name} {owner} NX PX {lease}</c>, released and extended
/// by compare-and-act scripts so that only the owner can do either. Waiting polls with a short,
/// jittered, growing pause (Redis has no cheap way to be told when a key goes away). Leases expire on
/// Redis's clock, so waiting is measured on the real clock too, never on a test's fake one (a fake clock
/// that nobody advances would make a waiter wait for ever).
/// </summary>
public sealed partial class RedisDistributedLockProvider(
    IConnectionMultiplexer redis,
    IOptions<RedisOptions> options,
    ILogger<RedisDistributedLockProvider> logger) : IDistributedLockProvider, ILockOwnership
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(200);
    private static readonly TimeProvider RealTime = TimeProvider.System;

    private readonly IDatabase _database = redis.GetDatabase().WithKeyPrefix(options.Value.KeyPrefix + "lock:");

    public async Task<IDistributedLockHandle?> TryAcquireAsync(string name, TimeSpan lease, TimeSpan wait, CancellationToken cancellationToken)
    {
        CoordinationArguments.ThrowIfInvalidLock(name, lease, wait);
        var owner = OwnedLockHandle.NewOwnerToken();
        var deadline = RealTime.GetUtcNow() + wait;
        var pause = FirstPause;
        while (true)
        {
            if (await _database.StringSetAsync(name, owner, lease, When.NotExists).WaitAsync(cancellationToken))
            {
                return new OwnedLockHandle(name, owner, this);
            }
            var remaining = deadline - RealTime.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }
            await Task.Delay(Min(Jittered(pause), remaining), RealTime, cancellationToken);
            pause = Min(pause * 2, LongestPause);
        }
    }

    async Task<bool> ILockOwnership.ExtendAsync(string name, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var extended = await _database
            .ScriptEvaluateAsync(RedisScripts.ExpireIfEquals, [name], [owner, (long)lease.TotalMilliseconds])
            .WaitAsync(cancellationToken);
        return (long)extended == 1;
    }

    async Task ILockOwnership.ReleaseAsync(string name, string owner)
    {
        try
        {
            await _database.ScriptEvaluateAsync(RedisScripts.DeleteIfEquals, [name], [owner]);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Releasing runs in DisposeAsync, often while another exception unwinds; the lease frees the lock anyway.
            LogReleaseFailed(logger, exception, name);
        }
    }

    // Spreads waiters that lost the same race, so they do not all retry in the same millisecond.
    private static TimeSpan Jittered(TimeSpan pause) => pause * (0.5 + Random.Shared.NextDouble());

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release lock {LockName}; it frees itself when its lease runs out")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string lockName);
}
