using WeLink.Server.Coordination;

namespace WeLink.Server.Tests.Coordination;

/// <summary>What every <see cref="IDistributedLockProvider"/> must do; each implementation runs these same tests.</summary>
public abstract class DistributedLockProviderContract : IDisposable
{
    private static readonly TimeSpan LongLease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LongWait = TimeSpan.FromMinutes(5);

    private readonly CancellationTokenSource _deadline = Deadline.Release.Start();

    protected CancellationToken Token => _deadline.Token;

    protected abstract TestClock Clock { get; }

    /// <summary>A lease short enough to run out during a test, long enough for the test to see it held first.</summary>
    protected abstract TimeSpan ShortLease { get; }

    /// <summary>A provider whose lock names no other test shares.</summary>
    protected abstract IDistributedLockProvider CreateProvider();

    [Fact]
    public async Task Only_one_of_many_concurrent_callers_holds_the_lock_at_a_time()
    {
        var provider = CreateProvider();
        var counter = 0;
        var holders = 0;
        var mostHolders = 0;

        async Task IncrementUnderLockAsync()
        {
            await using var handle = await provider.TryAcquireAsync("counter", LongLease, LongWait, Token);
            Assert.NotNull(handle);
            var holding = Interlocked.Increment(ref holders);
            InterlockedMax(ref mostHolders, holding);
            // Read, yield, write: without mutual exclusion, increments get lost.
            var read = counter;
            await Task.Yield();
            counter = read + 1;
            Interlocked.Decrement(ref holders);
        }

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(IncrementUnderLockAsync)));

        Assert.Equal(20, counter);
        Assert.Equal(1, mostHolders);
    }

    [Fact]
    public async Task A_held_lock_is_refused_to_a_caller_that_does_not_wait()
    {
        var provider = CreateProvider();
        await using var holder = await provider.TryAcquireAsync("token-refresh", LongLease, TimeSpan.Zero, Token);

        Assert.NotNull(holder);
        Assert.Equal("token-refresh", holder.Name);
        Assert.Null(await provider.TryAcquireAsync("token-refresh", LongLease, TimeSpan.Zero, Token));
    }

    [Fact]
    public async Task Locks_with_different_names_do_not_block_each_other()
    {
        var provider = CreateProvider();
        await using var first = await provider.TryAcquireAsync("dealer-1", LongLease, TimeSpan.Zero, Token);
        await using var second = await provider.TryAcquireAsync("dealer-2", LongLease, TimeSpan.Zero, Token);

        Assert.NotNull(first);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task A_released_lock_can_be_acquired_again_at_once()
    {
        var provider = CreateProvider();
        var holder = await provider.TryAcquireAsync("token-refresh", LongLease, TimeSpan.Zero, Token);
        Assert.NotNull(holder);

        await holder.DisposeAsync();

        await using var next = await provider.TryAcquireAsync("token-refresh", LongLease, TimeSpan.Zero, Token);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task A_waiting_caller_gets_the_lock_when_the_holder_releases_it()
    {
        var provider = CreateProvider();
        var holder = await provider.TryAcquireAsync("token-refresh", LongLease, TimeSpan.Zero, Token);
        Assert.NotNull(holder);
        var waiter = provider.TryAcquireAsync("token-refresh", LongLease, LongWait, Token);
        Assert.False(waiter.IsCompleted);

        await holder.DisposeAsync();

        await using var acquired = await waiter;
        Assert.NotNull(acquired);
    }

    [Fact]
    public async Task Waiting_gives_up_with_null_when_the_holder_keeps_the_lock()
    {
        var provider = CreateProvider();
        await using var holder = await provider.TryAcquireAsync("token-refresh", LongLease, TimeSpan.Zero, Token);
        var wait = ShortLease;
        var waiter = provider.TryAcquireAsync("token-refresh", LongLease, wait, Token);

        Clock.LetPass(wait);

        Assert.Null(await waiter);
    }

    [Fact]
    public async Task A_lease_that_runs_out_lets_another_caller_acquire_the_lock()
    {
        var provider = CreateProvider();
        var forgotten = await provider.TryAcquireAsync("token-refresh", ShortLease, TimeSpan.Zero, Token);
        Assert.NotNull(forgotten);
        Assert.Null(await provider.TryAcquireAsync("token-refresh", LongLease, TimeSpan.Zero, Token));
        var waiter = provider.TryAcquireAsync("token-refresh", LongLease, LongWait, Token);

        Clock.LetPass(ShortLease);

        await using var acquired = await waiter;
        Assert.NotNull(acquired);
    }

    [Fact]
    public async Task A_handle_whose_lease_ran_out_does_not_release_the_next_holders_lock()
    {
        var provider = CreateProvider();
        var stale = await provider.TryAcquireAsync("token-refresh", ShortLease, TimeSpan.Zero, Token);
        Assert.NotNull(stale);
        var waiter = provider.TryAcquireAsync("token-refresh", LongLease, LongWait, Token);
        Clock.LetPass(ShortLease);
        await using var current = await waiter;
        Assert.NotNull(current);

        Assert.False(await stale.ExtendAsync(LongLease, Token));
        await stale.DisposeAsync();

        Assert.Null(await provider.TryAcquireAsync("token-refresh", LongLease, TimeSpan.Zero, Token));
        Assert.True(await current.ExtendAsync(LongLease, Token));
    }

    [Fact]
    public async Task Extending_the_lease_keeps_the_lock_past_its_first_expiry()
    {
        var provider = CreateProvider();
        await using var holder = await provider.TryAcquireAsync("token-refresh", ShortLease, TimeSpan.Zero, Token);
        Assert.NotNull(holder);

        Assert.True(await holder.ExtendAsync(LongLease, Token));
        var wait = ShortLease * 3;
        var rival = provider.TryAcquireAsync("token-refresh", LongLease, wait, Token);
        Clock.LetPass(wait);

        Assert.Null(await rival);
    }

    [Fact]
    public async Task A_released_handle_can_no_longer_extend()
    {
        var provider = CreateProvider();
        var holder = await provider.TryAcquireAsync("token-refresh", LongLease, TimeSpan.Zero, Token);
        Assert.NotNull(holder);

        await holder.DisposeAsync();

        Assert.False(await holder.ExtendAsync(LongLease, Token));
    }

    [Fact]
    public async Task Invalid_lock_requests_are_refused()
    {
        var provider = CreateProvider();

        await Assert.ThrowsAsync<ArgumentException>(() => provider.TryAcquireAsync(" ", LongLease, TimeSpan.Zero, Token));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => provider.TryAcquireAsync("lock", TimeSpan.Zero, TimeSpan.Zero, Token));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => provider.TryAcquireAsync("lock", LongLease, TimeSpan.FromSeconds(-1), Token));
    }

    public void Dispose()
    {
        _deadline.Dispose();
        GC.SuppressFinalize(this);
    }

    private static void InterlockedMax(ref int target, int candidate)
    {
        var seen = Volatile.Read(ref target);
        while (candidate > seen)
        {
            var original = Interlocked.CompareExchange(ref target, candidate, seen);
            if (original == seen)
            {
                return;
            }
            seen = original;
        }
    }
}
