namespace WeLink.Wechat.Crypto;

/// <summary>
/// The official-account plain <c>signature</c> query parameter: SHA1 over sorted token, timestamp and
/// nonce. In safe mode it does not authenticate the body; check <c>msg_signature</c> with
/// <see cref="WxBizMsgCrypt"/> instead.
/// </summary>
public static class PlainSignature
{
    public static string Compute(string token, string timestamp, string nonce)
    {
        Span<byte> digest = stackalloc byte[Sha1Signature.DigestBytes];
        ComputeDigest(token, timestamp, nonce, digest);
        return Convert.ToHexStringLower(digest);
    }

    public static bool Verify(string signature, string token, string timestamp, string nonce)
    {
        Span<byte> digest = stackalloc byte[Sha1Signature.DigestBytes];
        ComputeDigest(token, timestamp, nonce, digest);
        return Sha1Signature.Matches(signature, digest);
    }

    private static void ComputeDigest(string token, string timestamp, string nonce, Span<byte> digest)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);
        Span<string> parts = [token, timestamp, nonce];
        Sha1Signature.Compute(parts, digest);
    }
}
