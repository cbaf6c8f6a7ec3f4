using System.Security.Cryptography;
using WeLink.Wechat.Crypto;

namespace WeLink.Wechat.Tests.Crypto;

/// <summary>
/// An independent, deliberately plain path to the raw cipher, so tests can build ciphertexts the
/// production code would never produce (bad padding, lying length fields) and read raw padding.
/// </summary>
internal static class CryptoTestKit
{
    public const string Token = "QDG6eK";
    public const string EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string ReceiveId = "wx5823bf96d3bd56c7";

    public static WxBizMsgCrypt NewCrypt() => new(Token, EncodingAesKey);

    public static byte[] Key => Convert.FromBase64String(EncodingAesKey + "=");

    public static string EncryptRaw(byte[] plaintext)
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        return Convert.ToBase64String(aes.EncryptCbc(plaintext, Key.AsSpan(0, 16), PaddingMode.None));
    }

    public static byte[] DecryptRaw(string encrypt)
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        return aes.DecryptCbc(Convert.FromBase64String(encrypt), Key.AsSpan(0, 16), PaddingMode.None);
    }
}
