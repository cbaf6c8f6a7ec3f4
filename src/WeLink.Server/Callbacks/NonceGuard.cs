using Microsoft.Extensions.Options;
using WeLink.Server.Coordination;

namespace WeLink.Server.Callbacks;

/// <summary>
/// Refuses a nonce that a different request already used within the timestamp window, across every node
/// (the cache store is Redis on a cluster). The first request with a nonce stores its msg_signature; an
/// identical request later (a platform retry) carries the same signature and passes, so the inbox can
/// answer it as the duplicate it is. The key includes the timestamp: the signature covers both, so a
/// replay under another timestamp fails the signature check anyway, and two genuine pushes that drew the
/// same random nonce in different seconds are not refused.
/// </summary>
public sealed class NonceGuard(ICacheStore cache, IOptions<InboxOptions> options)
{
    private const string Prefix = "callback-nonce:";

    public async Task<bool> TryUseAsync(
        CallbackChannel channel, string timestamp, string nonce, string msgSignature, CancellationToken cancellationToken)
    {
        var key = string.Concat(Prefix, CallbackChannels.Name(channel), ":", timestamp, ":", nonce);
        var signature = msgSignature.ToLowerInvariant();
        var ttl = options.Value.TimestampTolerance * 2;
        if (await cache.SetIfAbsentAsync(key, signature, ttl, cancellationToken))
        {
            return true;
        }

        return string.Equals(await cache.GetAsync(key, cancellationToken), signature, StringComparison.Ordinal);
    }
}
