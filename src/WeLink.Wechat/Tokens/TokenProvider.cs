using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeLink.Wechat.Http;
using WeLink.Wechat.Options;

namespace WeLink.Wechat.Tokens;

/// <summary>
/// The one single-flight core behind every access token (component, authorizer, suite, corp).
/// WeChat revokes the previous token a few minutes after issuing a new one, so nodes must not refresh
/// independently: callers in this process share one refresh, and across nodes the refresh runs under
/// the distributed lock, re-reading the cache once the lock is held. Tokens are cached for their
/// lifetime minus <see cref="TokenOptions.RefreshAhead"/>, so they are renewed before WeChat expires them.
/// </summary>
public sealed partial class TokenProvider(
    ITokenCache cache,
    IDistributedLock distributedLock,
    IOptions<WeChatOptions> options,
    ILogger<TokenProvider> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _refreshes = new();

    private TokenOptions Settings => options.Value.Tokens;

    /// <summary>The cached token under <paramref name="cacheKey"/>, fetched with <paramref name="fetch"/> when missing.</summary>
    public async Task<string> GetAsync(
        string cacheKey, Func<CancellationToken, Task<IssuedToken>> fetch, CancellationToken cancellationToken)
    {
        var cached = await cache.GetAsync(cacheKey, cancellationToken);
        if (cached is not null)
        {
            return cached;
        }

        var refresh = _refreshes.GetOrAdd(cacheKey, key => new Lazy<Task<string>>(() => RefreshSharedAsync(key, fetch)));
        return await refresh.Value.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="call"/> with the token. If WeChat refuses the token, drops it from the cache
    /// (unless another caller already replaced it), gets a fresh one and runs the call once more.
    /// </summary>
    public async Task<T> CallAsync<T>(
        string cacheKey,
        Func<CancellationToken, Task<IssuedToken>> fetch,
        Func<string, CancellationToken, Task<T>> call,
        CancellationToken cancellationToken)
    {
        var token = await GetAsync(cacheKey, fetch, cancellationToken);
        try
        {
            return await call(token, cancellationToken);
        }
        catch (WechatApiException exception) when (exception.IsAccessTokenRejected)
        {
            LogTokenRejected(logger, cacheKey, exception.ApiPath, exception.Errcode);
            await cache.RemoveIfEqualsAsync(cacheKey, token, cancellationToken);
            var fresh = await GetAsync(cacheKey, fetch, cancellationToken);
            return await call(fresh, cancellationToken);
        }
    }

    private async Task<string> RefreshSharedAsync(string cacheKey, Func<CancellationToken, Task<IssuedToken>> fetch)
    {
        try
        {
            // Not any one caller's token: a caller giving up must not fail the refresh the others wait for.
            return await RefreshUnderLockAsync(cacheKey, fetch, CancellationToken.None);
        }
        finally
        {
            _refreshes.TryRemove(cacheKey, out _);
        }
    }

    private async Task<string> RefreshUnderLockAsync(
        string cacheKey, Func<CancellationToken, Task<IssuedToken>> fetch, CancellationToken cancellationToken)
    {
        var settings = Settings;
        await using var held = await distributedLock.TryAcquireAsync(
            "lock:" + cacheKey, settings.LockLease, settings.LockWait, cancellationToken);

        // Another node may have refreshed while this one waited for the lock (or failed to get it).
        var cached = await cache.GetAsync(cacheKey, cancellationToken);
        if (cached is not null)
        {
            return cached;
        }

        if (held is null)
        {
            throw new TimeoutException(
                $"Waited {settings.LockWait} for another node to refresh the token {cacheKey}; it did not finish.");
        }

        var issued = await fetch(cancellationToken);
        var timeToLive = issued.ExpiresIn > settings.RefreshAhead * 2
            ? issued.ExpiresIn - settings.RefreshAhead
            : issued.ExpiresIn / 2;
        await cache.SetAsync(cacheKey, issued.AccessToken, timeToLive, cancellationToken);
        LogRefreshed(logger, cacheKey, (int)issued.ExpiresIn.TotalSeconds);
        return issued.AccessToken;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched a new access token for {TokenKey}, valid {ExpiresInSeconds} s")]
    private static partial void LogRefreshed(ILogger logger, string tokenKey, int expiresInSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ApiPath} refused the access token for {TokenKey} (errcode {Errcode}); refreshing it and retrying once")]
    private static partial void LogTokenRejected(ILogger logger, string tokenKey, string apiPath, int errcode);
}
