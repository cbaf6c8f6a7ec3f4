using WeLink.Server.Coordination;

namespace WeLink.Server.Tests.Coordination;

/// <summary>What every <see cref="ICacheStore"/> must do; each implementation runs these same tests.</summary>
public abstract class CacheStoreContract : IDisposable
{
    private static readonly TimeSpan LongTtl = TimeSpan.FromMinutes(5);

    private readonly CancellationTokenSource _deadline = Deadline.Release.Start();

    protected CancellationToken Token => _deadline.Token;

    protected abstract TestClock Clock { get; }

    /// <summary>A TTL short enough to run out during a test, long enough to read the value back first.</summary>
    protected abstract TimeSpan ShortTtl { get; }

    /// <summary>A store whose keys no other test shares.</summary>
    protected abstract ICacheStore CreateStore();

    [Fact]
    public async Task A_missing_key_reads_as_null()
    {
        var store = CreateStore();

        Assert.Null(await store.GetAsync("never-set", Token));
    }

    [Fact]
    public async Task A_stored_value_reads_back_until_another_value_replaces_it()
    {
        var store = CreateStore();

        await store.SetAsync("token", "first", LongTtl, Token);
        Assert.Equal("first", await store.GetAsync("token", Token));

        await store.SetAsync("token", "second", LongTtl, Token);
        Assert.Equal("second", await store.GetAsync("token", Token));
    }

    [Fact]
    public async Task A_value_disappears_when_its_ttl_runs_out()
    {
        var store = CreateStore();
        await store.SetAsync("token", "value", ShortTtl, Token);
        Assert.Equal("value", await store.GetAsync("token", Token));

        Clock.LetPass(ShortTtl);

        Assert.True(await Clock.EventuallyAsync(async () => await store.GetAsync("token", Token) is null, Token));
    }

    [Fact]
    public async Task Only_the_first_of_concurrent_claims_with_different_values_holds()
    {
        var store = CreateStore();

        var attempts = Enumerable.Range(0, 16)
            .Select(i => Task.Run(async () => (Value: $"request-{i}", Held: await ClaimAsync(store, "nonce-42", $"request-{i}", LongTtl))))
            .ToList();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, result => result.Held);
        Assert.Equal(winner.Value, await store.GetAsync("nonce-42", Token));
    }

    [Fact]
    public async Task A_claim_with_the_value_the_key_holds_passes_again_and_another_value_does_not()
    {
        var store = CreateStore();
        await store.SetAsync("key", "existing", LongTtl, Token);

        Assert.True(await ClaimAsync(store, "key", "existing", LongTtl));
        Assert.False(await ClaimAsync(store, "key", "newcomer", LongTtl));
        Assert.Equal("existing", await store.GetAsync("key", Token));
    }

    [Fact]
    public async Task Claims_of_one_call_are_taken_in_order()
    {
        var store = CreateStore();
        await store.SetAsync("taken", "other", LongTtl, Token);

        var held = await store.ClaimAsync(
            [new("a", "first"), new("a", "second"), new("b", "only"), new("a", "first"), new("taken", "mine")], LongTtl, Token);

        Assert.Equal([true, false, true, true, false], held);
        Assert.Equal("first", await store.GetAsync("a", Token));
        Assert.Equal("only", await store.GetAsync("b", Token));
        Assert.Empty(await store.ClaimAsync([], LongTtl, Token));
    }

    [Fact]
    public async Task A_claim_holds_for_another_value_once_the_earlier_one_expired()
    {
        var store = CreateStore();
        Assert.True(await ClaimAsync(store, "nonce-7", "first", ShortTtl));

        Clock.LetPass(ShortTtl);

        Assert.True(await Clock.EventuallyAsync(() => ClaimAsync(store, "nonce-7", "second", LongTtl), Token));
        Assert.Equal("second", await store.GetAsync("nonce-7", Token));
    }

    [Fact]
    public async Task Delete_if_equals_deletes_a_value_that_still_matches()
    {
        var store = CreateStore();
        await store.SetAsync("token", "failed", LongTtl, Token);

        Assert.True(await store.DeleteIfEqualsAsync("token", "failed", Token));
        Assert.Null(await store.GetAsync("token", Token));
    }

    [Fact]
    public async Task Delete_if_equals_keeps_a_value_that_was_replaced_meanwhile()
    {
        var store = CreateStore();
        await store.SetAsync("token", "failed", LongTtl, Token);
        await store.SetAsync("token", "fresh", LongTtl, Token);

        Assert.False(await store.DeleteIfEqualsAsync("token", "failed", Token));
        Assert.Equal("fresh", await store.GetAsync("token", Token));
    }

    [Fact]
    public async Task Delete_if_equals_on_a_missing_key_deletes_nothing()
    {
        var store = CreateStore();

        Assert.False(await store.DeleteIfEqualsAsync("token", "anything", Token));
    }

    [Fact]
    public async Task Delete_removes_a_value_and_accepts_a_missing_key()
    {
        var store = CreateStore();
        await store.SetAsync("token", "value", LongTtl, Token);

        await store.DeleteAsync("token", Token);
        await store.DeleteAsync("token", Token);

        Assert.Null(await store.GetAsync("token", Token));
    }

    [Fact]
    public async Task Keys_do_not_see_each_others_values()
    {
        var store = CreateStore();
        await store.SetAsync("a", "value-a", LongTtl, Token);
        await store.SetAsync("b", "value-b", LongTtl, Token);

        await store.DeleteAsync("a", Token);

        Assert.Null(await store.GetAsync("a", Token));
        Assert.Equal("value-b", await store.GetAsync("b", Token));
    }

    [Fact]
    public async Task An_entry_without_a_positive_ttl_is_refused()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.SetAsync("key", "value", TimeSpan.Zero, Token));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ClaimAsync(store, "key", "value", TimeSpan.FromMilliseconds(-1)));
        await Assert.ThrowsAsync<ArgumentException>(() => ClaimAsync(store, "", "value", LongTtl));
        Assert.Null(await store.GetAsync("key", Token));
    }

    private async Task<bool> ClaimAsync(ICacheStore store, string key, string value, TimeSpan ttl) =>
        (await store.ClaimAsync([new(key, value)], ttl, Token))[0];

    public void Dispose()
    {
        _deadline.Dispose();
        GC.SuppressFinalize(this);
    }
}
