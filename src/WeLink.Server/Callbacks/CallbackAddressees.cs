using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Wechat.Options;

namespace WeLink.Server.Callbacks;

/// <summary>
/// Whom a push arriving at each URL must be addressed to. Signature and receiveid do not say it for the account
/// URL: every authorized account's pushes are sealed with the component's key for the component's appid, so a genuine
/// push for account A re-posted to account B's URL passes both. Only the decrypted <c>ToUserName</c> (A's original
/// id) tells them apart, so the account URL's appid is mapped to its original id, from memory on the hot path.
/// </summary>
public sealed class CallbackAddressees : IAccountOriginalIdCache, IDisposable
{
    /// <summary>An appid's original id never changes, so a known one is kept long (until its account is unlinked, see <see cref="Forget"/>).</summary>
    private static readonly TimeSpan KnownFor = TimeSpan.FromMinutes(10);

    /// <summary>Short, so that an account linked moments after a refused push is served within seconds.</summary>
    private static readonly TimeSpan UnknownFor = TimeSpan.FromSeconds(5);

    // Bounded, because one captured push re-posted to many made-up appids would otherwise grow it without end.
    private readonly MemoryCache _originalIds = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly IAccountOriginalIds _accounts;
    private readonly string _componentAppId;
    private readonly string _suiteId;

    public CallbackAddressees(IAccountOriginalIds accounts, IOptions<WeChatOptions> wechat, IOptions<WeComOptions> wecom)
    {
        ArgumentNullException.ThrowIfNull(wechat);
        ArgumentNullException.ThrowIfNull(wecom);
        _accounts = accounts;
        _componentAppId = wechat.Value.Component.AppId;
        _suiteId = wecom.Value.Suite.SuiteId;
    }

    /// <summary>
    /// The addressee a push to the channel's URL must name: the component appid, the suite id, the corpid in the
    /// URL, or the original id of the appid in the URL (null when WeLink serves no such account).
    /// </summary>
    public ValueTask<string?> ExpectedAsync(CallbackChannel channel, string? targetId, CancellationToken cancellationToken) => channel switch
    {
        CallbackChannel.Component => ValueTask.FromResult<string?>(_componentAppId),
        CallbackChannel.Suite => ValueTask.FromResult<string?>(_suiteId),
        CallbackChannel.Corp => ValueTask.FromResult(targetId),
        CallbackChannel.Account => OriginalIdAsync(targetId ?? throw new ArgumentNullException(nameof(targetId)), cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown callback channel."),
    };

    public void Forget(string authorizerAppId) => _originalIds.Remove(authorizerAppId);

    public void Dispose() => _originalIds.Dispose();

    private ValueTask<string?> OriginalIdAsync(string appId, CancellationToken cancellationToken) =>
        _originalIds.TryGetValue(appId, out string? originalId)
            ? ValueTask.FromResult(originalId)
            : new ValueTask<string?>(LoadAsync(appId, cancellationToken));

    private async Task<string?> LoadAsync(string appId, CancellationToken cancellationToken)
    {
        var originalId = await _accounts.FindAsync(appId, cancellationToken);
        using var entry = _originalIds.CreateEntry(appId);
        entry.Value = originalId;
        entry.Size = 1;
        entry.AbsoluteExpirationRelativeToNow = originalId is null ? UnknownFor : KnownFor;
        return originalId;
    }
}
