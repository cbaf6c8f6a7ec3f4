namespace WeLink.Wechat.Crypto;

/// <summary>Turns the 43-character EncodingAESKey into the 32-byte AES key.</summary>
internal static class EncodingAesKey
{
    public const int Length = 43;
    public const int KeyBytes = 32;

    public static byte[] Decode(string encodingAesKey)
    {
        ArgumentNullException.ThrowIfNull(encodingAesKey);
        if (encodingAesKey.Length != Length || !Alphanumeric.IsAll(encodingAesKey))
        {
            throw new WxCryptoException(WxCryptoError.IllegalAesKey);
        }

        // 43 chars carry 258 bits; the decoder must ignore the last 2 bits (non-zero in the official
        // WeCom sample key), which Convert's base64 decoder does.
        Span<char> padded = stackalloc char[Length + 1];
        encodingAesKey.CopyTo(padded);
        padded[Length] = '=';
        var key = new byte[KeyBytes];
        if (!Convert.TryFromBase64Chars(padded, key, out var written) || written != KeyBytes)
        {
            throw new WxCryptoException(WxCryptoError.IllegalAesKey);
        }

        return key;
    }
}
