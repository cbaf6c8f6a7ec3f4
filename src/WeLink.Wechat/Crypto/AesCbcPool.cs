using System.Security.Cryptography;

namespace WeLink.Wechat.Crypto;

/// <summary>
/// AES-256-CBC without padding under one key and the protocol's fixed IV, through keyed
/// <see cref="ICryptoTransform"/>s that are reused. On .NET 10 with OpenSSL 3 the one-shot
/// <c>Aes.EncryptCbc/DecryptCbc</c> set up a fresh native cipher context (key schedule included) on
/// every call, which cost three times the AES work of a 1 KB push; a transform keeps its context and
/// only goes back to the IV after each message. A transform carries chaining state, so each call
/// borrows one exclusively; one that failed mid-way is disposed rather than pooled. Pooled transforms
/// live as long as the owning crypt (normally the application); their native contexts sit behind
/// SafeHandles, so the crypt need not be disposable.
/// </summary>
internal sealed class AesCbcPool(byte[] key, byte[] iv)
{
    private readonly Slots _encryptors = new();
    private readonly Slots _decryptors = new();

    /// <summary>Encrypts whole blocks in place.</summary>
    public void Encrypt(byte[] buffer, int length) => Transform(_encryptors, encrypt: true, buffer, length);

    /// <summary>Decrypts whole blocks in place.</summary>
    public void Decrypt(byte[] buffer, int length) => Transform(_decryptors, encrypt: false, buffer, length);

    private void Transform(Slots slots, bool encrypt, byte[] buffer, int length)
    {
        var transform = slots.Rent() ?? Create(encrypt);
        try
        {
            var written = transform.TransformBlock(buffer, 0, length, buffer, 0);

            // With no padding and no input the final block only rewinds the chain to the IV.
            transform.TransformFinalBlock(buffer, 0, 0);
            if (written != length)
            {
                throw new CryptographicException("The cipher did not transform every block.");
            }
        }
        catch
        {
            transform.Dispose();
            throw;
        }

        slots.Return(transform);
    }

    private ICryptoTransform Create(bool encrypt)
    {
        using var aes = Aes.Create();
        aes.Mode = CipherMode.CBC;
        aes.Padding = PaddingMode.None;
        return encrypt ? aes.CreateEncryptor(key, iv) : aes.CreateDecryptor(key, iv);
    }

    private sealed class Slots
    {
        private readonly ICryptoTransform?[] _idle = new ICryptoTransform?[Math.Max(2, Environment.ProcessorCount)];

        public ICryptoTransform? Rent()
        {
            for (var i = 0; i < _idle.Length; i++)
            {
                if (Interlocked.Exchange(ref _idle[i], null) is { } transform)
                {
                    return transform;
                }
            }

            return null;
        }

        public void Return(ICryptoTransform transform)
        {
            for (var i = 0; i < _idle.Length; i++)
            {
                if (Interlocked.CompareExchange(ref _idle[i], transform, null) is null)
                {
                    return;
                }
            }

            transform.Dispose();
        }
    }
}
