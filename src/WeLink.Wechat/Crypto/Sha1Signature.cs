using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace WeLink.Wechat.Crypto;

/// <summary>
/// The one signature scheme of WeChat and WeCom callbacks: SHA1 over the parts sorted in ordinal order
/// and concatenated. Ordinal, never culture-aware: a culture sort puts lowercase before uppercase and
/// signs differently (SKIT issue #4).
/// </summary>
internal static class Sha1Signature
{
    public const int DigestBytes = 20;
    public const int HexLength = DigestBytes * 2;
    private const int StackLimit = 512;

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "SHA1 is what the WeChat/WeCom callback protocol mandates; it is not our choice.")]
    public static void Compute(Span<string> parts, Span<byte> digest)
    {
        parts.Sort(string.CompareOrdinal);
        var total = 0;
        foreach (var part in parts)
        {
            total = checked(total + Encoding.UTF8.GetByteCount(part));
        }

        byte[]? rented = null;
        var buffer = total <= StackLimit ? stackalloc byte[StackLimit] : rented = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            var written = 0;
            foreach (var part in parts)
            {
                written += Encoding.UTF8.GetBytes(part, buffer[written..]);
            }

            SHA1.HashData(buffer[..written], digest);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Compares a hex signature from the wire with a computed digest, in constant time and without
    /// regard to the hex letters' case.
    /// </summary>
    public static bool Matches(string? candidateHex, ReadOnlySpan<byte> expectedDigest)
    {
        if (candidateHex is null || candidateHex.Length != HexLength)
        {
            return false;
        }

        Span<byte> candidate = stackalloc byte[DigestBytes];
        var status = Convert.FromHexString(candidateHex, candidate, out _, out var written);
        return status == OperationStatus.Done
            && written == DigestBytes
            && CryptographicOperations.FixedTimeEquals(candidate, expectedDigest);
    }
}
