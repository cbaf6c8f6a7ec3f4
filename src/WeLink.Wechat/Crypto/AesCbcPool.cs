using System.Security.Cryptography;

namespace WeLink.Wechat.Crypto;

/// <summary>
/// A few <see cref="Aes"/> instances keyed once and reused. An instance caches its native cipher
/// context across one-shot calls (fast), but that makes it unsafe to share between threads, so each
/// call borrows one exclusively. Pooled instances live as long as the owning crypt (normally the
/// application); their native contexts sit behind SafeHandles, so the crypt need not be disposable.
/// </summary>
internal sealed class AesCbcPool
{
    private readonly byte[] _key;
    private readonly Aes?[] _idle = new Aes?[Math.Max(2, Environment.ProcessorCount)];

    public AesCbcPool(byte[] key) => _key = key;

    public Aes Rent()
    {
        for (var i = 0; i < _idle.Length; i++)
        {
            var aes = Interlocked.Exchange(ref _idle[i], null);
            if (aes is not null)
            {
                return aes;
            }
        }

        var created = Aes.Create();
        created.Key = _key;
        return created;
    }

    public void Return(Aes aes)
    {
        for (var i = 0; i < _idle.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _idle[i], aes, null) is null)
            {
                return;
            }
        }

        aes.Dispose();
    }
}
