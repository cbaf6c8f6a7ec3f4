using System.Security.Cryptography;
using System.Text;
using WeLink.Wechat.Crypto;

namespace WeLink.Wechat.Tests.Crypto;

public sealed class SignatureTests
{
    [Fact]
    public void Parts_are_sorted_ordinally_so_uppercase_sorts_before_lowercase()
    {
        // Ordinal order: digits < uppercase < lowercase. A culture-aware sort would put "abc" first.
        var crypt = new WxBizMsgCrypt("abc", CryptoTestKit.EncodingAesKey);
        var expected = Sha1Hex("1409659813" + "Nonce" + "Zxy+/Encrypt==" + "abc");

        var signature = crypt.Sign("1409659813", "Nonce", "Zxy+/Encrypt==");

        Assert.Equal(expected, signature);
        Assert.NotEqual(Sha1Hex("1409659813" + "abc" + "Nonce" + "Zxy+/Encrypt=="), signature);
    }

    [Fact]
    public void Plain_signature_sorts_ordinally_too()
    {
        var expected = Sha1Hex("Bnonce" + "aToken" + "cTimestamp");

        Assert.Equal(expected, PlainSignature.Compute("aToken", "cTimestamp", "Bnonce"));
    }

    [Fact]
    public void Two_part_sha1_matches_the_WxJava_sample()
    {
        Span<string> parts = ["345", "123"];
        Span<byte> digest = stackalloc byte[20];

        Sha1Signature.Compute(parts, digest);

        Assert.Equal("9f537aeb751ec72605f57f94a2f6dc3e3958e1dd", Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void Signature_comparison_ignores_hex_case()
    {
        var crypt = CryptoTestKit.NewCrypt();

        Assert.True(crypt.VerifySignature("477715D11CDB4164915DEBCBA66CB864D751F3E6", "1409659813", "1372623149", W1Encrypt));
    }

    [Theory]
    [InlineData("477715d11cdb4164915debcba66cb864d751f3e7")]
    [InlineData("477715d11cdb4164915debcba66cb864d751f3e")]
    [InlineData("477715d11cdb4164915debcba66cb864d751f3e60")]
    [InlineData("zz7715d11cdb4164915debcba66cb864d751f3e6")]
    [InlineData("")]
    public void A_wrong_or_malformed_signature_does_not_verify(string signature)
    {
        var crypt = CryptoTestKit.NewCrypt();

        Assert.False(crypt.VerifySignature(signature, "1409659813", "1372623149", W1Encrypt));
    }

    [Fact]
    public void A_signature_over_a_different_timestamp_does_not_verify()
    {
        var crypt = CryptoTestKit.NewCrypt();

        Assert.False(crypt.VerifySignature("477715d11cdb4164915debcba66cb864d751f3e6", "1409659814", "1372623149", W1Encrypt));
    }

    [Fact]
    public void Plain_signature_verification_refuses_a_wrong_signature()
    {
        Assert.False(PlainSignature.Verify("cc0c594499c1634947d5b502f158ee518947db28", "AAAAA", "1715943329", "1590219412"));
        Assert.True(PlainSignature.Verify("cc0c594499c1634947d5b502f158ee518947db27", "AAAAA", "1715943329", "1590219412"));
    }

    private const string W1Encrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

#pragma warning disable CA5350 // SHA1 is what the protocol signs with; this is the independent reference.
    private static string Sha1Hex(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5350
}
