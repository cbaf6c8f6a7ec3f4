using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WeLink.Wechat.Crypto;

namespace WeLink.Wechat.WeCom.JsSdk;

/// <summary>
/// The JS-SDK signature of a page (WeCom doc 96909), the same for wx.config and wx.agentConfig with their own ticket:
/// lowercase hex SHA1 of <c>jsapi_ticket=T&amp;noncestr=N&amp;timestamp=TS&amp;url=U</c>, in that order, the values raw (not
/// URL-encoded) and the URL without its <c>#</c> part. Pure.
/// </summary>
public static class JsSdkSignature
{
    public static string Compute(string ticket, string nonceStr, long timestamp, string url)
    {
        Span<byte> digest = stackalloc byte[Sha1Signature.DigestBytes];
        ComputeDigest(ticket, nonceStr, timestamp, url, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>True when <paramref name="signature"/> signs the page with this ticket (constant time, either hex case).</summary>
    public static bool Verify(string? signature, string ticket, string nonceStr, long timestamp, string url)
    {
        Span<byte> digest = stackalloc byte[Sha1Signature.DigestBytes];
        ComputeDigest(ticket, nonceStr, timestamp, url, digest);
        return Sha1Signature.Matches(signature, digest);
    }

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "SHA1 is what WeCom's JS-SDK signature mandates; it is not our choice.")]
    private static void ComputeDigest(string ticket, string nonceStr, long timestamp, string url, Span<byte> digest)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(nonceStr);
        ArgumentNullException.ThrowIfNull(url);
        var text = string.Create(CultureInfo.InvariantCulture, $"jsapi_ticket={ticket}&noncestr={nonceStr}&timestamp={timestamp}&url={url}");
        SHA1.HashData(Encoding.UTF8.GetBytes(text), digest);
    }
}
