using Microsoft.Extensions.Options;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Coordination;

namespace WeLink.Server.Callbacks;

/// <summary>The signed query values of one callback request that the replay guard looks at.</summary>
public readonly record struct NonceUse(CallbackChannel Channel, string Timestamp, string Nonce, string MsgSignature);

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

    /// <summary>Checks the uses in order, in one call to the cache store; true for each use that may proceed.</summary>
    public Task<bool[]> TryUseAllAsync(IReadOnlyList<NonceUse> uses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uses);
        var claims = new KeyValuePair<string, string>[uses.Count];
        for (var i = 0; i < uses.Count; i++)
        {
            var use = uses[i];
            var key = string.Concat(Prefix, CallbackChannels.Name(use.Channel), ":", use.Timestamp, ":", use.Nonce);
            claims[i] = KeyValuePair.Create(key, use.MsgSignature.ToLowerInvariant());
        }

        return cache.ClaimAsync(claims, options.Value.TimestampTolerance * 2, cancellationToken);
    }

    public async Task<bool> TryUseAsync(NonceUse use, CancellationToken cancellationToken) =>
        (await TryUseAllAsync([use], cancellationToken))[0];
}
