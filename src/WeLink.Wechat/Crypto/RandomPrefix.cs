using System.Security.Cryptography;

namespace WeLink.Wechat.Crypto;

/// <summary>
/// The 16 random bytes that open every plaintext. With the protocol's fixed IV they are what makes two
/// encryptions of one message differ, so they come from the CSPRNG; they are drawn a block at a time
/// per thread because one system call per reply costs more than the AES work itself. Handed-out bytes
/// are wiped from the block.
/// </summary>
internal static class RandomPrefix
{
    private const int BlockBytes = 1024;

    [ThreadStatic]
    private static byte[]? _block;

    [ThreadStatic]
    private static int _offset;

    public static void Fill(Span<byte> destination)
    {
        if (destination.Length > BlockBytes)
        {
            RandomNumberGenerator.Fill(destination);
            return;
        }

        var block = _block;
        if (block is null || _offset + destination.Length > BlockBytes)
        {
            block = _block ??= new byte[BlockBytes];
            RandomNumberGenerator.Fill(block);
            _offset = 0;
        }

        var taken = block.AsSpan(_offset, destination.Length);
        taken.CopyTo(destination);
        taken.Clear();
        _offset += destination.Length;
    }
}
