using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using WeLink.Wechat.Http;
using WeLink.Wechat.Options;
using WeLink.Wechat.Tokens;

namespace WeLink.Wechat.Tests.Tokens;

public sealed class TokenProviderTests
{
    private const string Key = "welink:token:authorizer:wx134c8103faa5a59e:wxba5fad812f8e6fb9";
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(7200);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryTokenCache _cache;
    private readonly InMemoryDistributedLock _lock = new();

    public TokenProviderTests() => _cache = new InMemoryTokenCache(_time);

    [Fact]
    public async Task Three_hundred_concurrent_callers_without_a_token_cause_one_fetch()
    {
        var endpoint = new GatedTokenEndpoint();
        var provider = NewNode();

        var callers = Enumerable.Range(0, 300).Select(_ => provider.GetAsync(Key, endpoint.FetchAsync, CancellationToken.None)).ToList();
        endpoint.Open();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, endpoint.Fetches);
        Assert.All(tokens, token => Assert.Equal("token-1", token));
    }

    [Fact]
    public async Task Three_nodes_sharing_cache_and_lock_fetch_once_for_three_hundred_callers()
    {
        var endpoint = new GatedTokenEndpoint();
        TokenProvider[] nodes = [NewNode(), NewNode(), NewNode()];

        var callers = Enumerable.Range(0, 300)
            .Select(i => nodes[i % 3].GetAsync(Key, endpoint.FetchAsync, CancellationToken.None))
            .ToList();
        endpoint.Open();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, endpoint.Fetches);
        Assert.All(tokens, token => Assert.Equal("token-1", token));
    }

    [Fact]
    public async Task A_token_is_renewed_five_minutes_before_it_expires()
    {
        var endpoint = new GatedTokenEndpoint();
        endpoint.Open();
        var provider = NewNode();

        Assert.Equal("token-1", await provider.GetAsync(Key, endpoint.FetchAsync, CancellationToken.None));
        _time.Advance(Lifetime - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal("token-1", await provider.GetAsync(Key, endpoint.FetchAsync, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("token-2", await provider.GetAsync(Key, endpoint.FetchAsync, CancellationToken.None));

        Assert.Equal(2, endpoint.Fetches);
    }

    [Fact]
    public async Task The_renewal_margin_follows_the_configured_RefreshAhead()
    {
        var endpoint = new GatedTokenEndpoint();
        endpoint.Open();
        var provider = NewNode(refreshAhead: TimeSpan.FromMinutes(10));

        await provider.GetAsync(Key, endpoint.FetchAsync, CancellationToken.None);
        _time.Advance(Lifetime - TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal("token-1", await provider.GetAsync(Key, endpoint.FetchAsync, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await provider.GetAsync(Key, endpoint.FetchAsync, CancellationToken.None));
    }

    [Fact]
    public async Task A_refused_token_is_refreshed_once_and_the_call_retried_once()
    {
        var endpoint = new GatedTokenEndpoint();
        endpoint.Open();
        var provider = NewNode();
        await provider.GetAsync(Key, endpoint.FetchAsync, CancellationToken.None);
        var tokensUsed = new List<string>();

        var answer = await provider.CallAsync(
            Key,
            endpoint.FetchAsync,
            (token, _) =>
            {
                tokensUsed.Add(token);
                return token == "token-1"
                    ? throw new WechatApiException("/cgi-bin/message/custom/send", 40001, "invalid credential")
                    : Task.FromResult("sent");
            },
            CancellationToken.None);

        Assert.Equal("sent", answer);
        Assert.Equal(["token-1", "token-2"], tokensUsed);
        Assert.Equal(2, endpoint.Fetches);
    }

    [Fact]
    public async Task Three_hundred_calls_refused_with_the_same_token_cause_one_refresh()
    {
        var endpoint = new GatedTokenEndpoint();
        endpoint.Open();
        var provider = NewNode();
        await provider.GetAsync(Key, endpoint.FetchAsync, CancellationToken.None);
        var staleTokenUsed = new TaskCompletionSource();
        var staleUses = 0;

        var calls = Enumerable.Range(0, 300).Select(_ => provider.CallAsync(
            Key,
            endpoint.FetchAsync,
            async (token, _) =>
            {
                if (token == "token-1")
                {
                    if (Interlocked.Increment(ref staleUses) == 300)
                    {
                        staleTokenUsed.SetResult();
                    }

                    await staleTokenUsed.Task;
                    throw new WechatApiException("/cgi-bin/user/info", 42001, "access_token expired");
                }

                return token;
            },
            CancellationToken.None)).ToList();
        var answers = await Task.WhenAll(calls);

        Assert.Equal(2, endpoint.Fetches);
        Assert.All(answers, answer => Assert.Equal("token-2", answer));
    }

    [Fact]
    public async Task A_refusal_of_a_token_another_node_already_replaced_does_not_drop_the_new_one()
    {
        var endpoint = new GatedTokenEndpoint();
        endpoint.Open();
        var provider = NewNode();
        await provider.GetAsync(Key, endpoint.FetchAsync, CancellationToken.None);

        var answer = await provider.CallAsync(
            Key,
            endpoint.FetchAsync,
            async (token, ct) =>
            {
                if (token != "token-1")
                {
                    return token;
                }

                // Meanwhile another node refreshed: the cache holds token-2 before this call's refusal lands.
                await _cache.SetAsync(Key, "token-from-other-node", Lifetime, ct);
                throw new WechatApiException("/cgi-bin/user/info", 40001, "invalid credential");
            },
            CancellationToken.None);

        Assert.Equal("token-from-other-node", answer);
        Assert.Equal(1, endpoint.Fetches);
    }

    [Fact]
    public async Task Other_errors_are_neither_refreshed_nor_retried()
    {
        var endpoint = new GatedTokenEndpoint();
        endpoint.Open();
        var provider = NewNode();
        var calls = 0;

        var failure = await Assert.ThrowsAsync<WechatApiException>(() => provider.CallAsync<string>(
            Key,
            endpoint.FetchAsync,
            (_, _) =>
            {
                calls++;
                throw new WechatApiException("/cgi-bin/message/custom/send", 45015, "response out of time limit");
            },
            CancellationToken.None));

        Assert.Equal(45015, failure.Errcode);
        Assert.Equal(1, calls);
        Assert.Equal(1, endpoint.Fetches);
    }

    [Fact]
    public async Task A_failed_fetch_reaches_every_waiting_caller_and_the_next_call_tries_again()
    {
        var fetches = 0;
        var provider = NewNode();
        Task<IssuedToken> FailOnce(CancellationToken ct) => Interlocked.Increment(ref fetches) == 1
            ? Task.FromException<IssuedToken>(new WechatApiException("/cgi-bin/component/api_component_token", 61006, "ticket invalid"))
            : Task.FromResult(new IssuedToken("token-ok", Lifetime));

        var first = await Assert.ThrowsAsync<WechatApiException>(() => provider.GetAsync(Key, FailOnce, CancellationToken.None));
        var second = await provider.GetAsync(Key, FailOnce, CancellationToken.None);

        Assert.Equal(61006, first.Errcode);
        Assert.Equal("token-ok", second);
        Assert.Equal(2, fetches);
    }

    [Fact]
    public async Task A_caller_waiting_on_a_lock_held_too_long_by_another_node_gets_a_clear_timeout()
    {
        var provider = NewNode(lockWait: TimeSpan.FromMilliseconds(50));
        await using var otherNode = await _lock.TryAcquireAsync("lock:" + Key, TimeSpan.FromMinutes(1), TimeSpan.Zero, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<TimeoutException>(() =>
            provider.GetAsync(Key, _ => Task.FromResult(new IssuedToken("never", Lifetime)), CancellationToken.None));

        Assert.Contains(Key, failure.Message, StringComparison.Ordinal);
    }

    private TokenProvider NewNode(TimeSpan? lockWait = null, TimeSpan? refreshAhead = null) => new(
        _cache,
        _lock,
        Microsoft.Extensions.Options.Options.Create(new WeChatOptions
        {
            Tokens = new TokenOptions
            {
                LockWait = lockWait ?? TimeSpan.FromSeconds(30),
                RefreshAhead = refreshAhead ?? TimeSpan.FromMinutes(5),
            },
        }),
        NullLogger<TokenProvider>.Instance);

    /// <summary>A token endpoint that holds every fetch until opened, so callers can pile up first.</summary>
    private sealed class GatedTokenEndpoint
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _fetches;

        public int Fetches => _fetches;

        public void Open() => _open.TrySetResult();

        public async Task<IssuedToken> FetchAsync(CancellationToken cancellationToken)
        {
            var number = Interlocked.Increment(ref _fetches);
            await _open.Task.WaitAsync(cancellationToken);
            return new IssuedToken($"token-{number}", Lifetime);
        }
    }
}
