using WeLink.Wechat.WeCom.JsSdk;

namespace WeLink.Wechat.Tests.JsSdk;

public sealed class JsSdkSignatureTests
{
    // WeCom doc 96909's own example (protocol-wave2.md §6.2).
    private const string Ticket = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";
    private const string NonceStr = "Wm3WZYTPz0wzccnW";
    private const long Timestamp = 1414587457;
    private const string Url = "http://mp.weixin.qq.com?params=value";
    private const string Signed = "0f9de62fce790f9a083d5c99e95740ceb90c27ed";

    [Fact]
    public void The_signature_of_WeComs_documented_example_is_the_documented_one()
    {
        Assert.Equal(Signed, JsSdkSignature.Compute(Ticket, NonceStr, Timestamp, Url));
    }

    [Fact]
    public void The_documented_signature_verifies_in_either_hex_case()
    {
        Assert.True(JsSdkSignature.Verify(Signed, Ticket, NonceStr, Timestamp, Url));
        Assert.True(JsSdkSignature.Verify(Signed.ToUpperInvariant(), Ticket, NonceStr, Timestamp, Url));
    }

    [Theory]
    [InlineData("http://mp.weixin.qq.com?params=value#/contact")]
    [InlineData("http://mp.weixin.qq.com?params%3Dvalue")]
    [InlineData("http://mp.weixin.qq.com/?params=value")]
    public void A_url_that_differs_in_any_character_signs_differently(string url)
    {
        Assert.False(JsSdkSignature.Verify(Signed, Ticket, NonceStr, Timestamp, url));
    }

    [Theory]
    [InlineData("another-ticket", NonceStr, Timestamp)]
    [InlineData(Ticket, "Wm3WZYTPz0wzccnX", Timestamp)]
    [InlineData(Ticket, NonceStr, Timestamp + 1)]
    public void Another_ticket_nonce_or_timestamp_does_not_verify(string ticket, string nonceStr, long timestamp)
    {
        Assert.False(JsSdkSignature.Verify(Signed, ticket, nonceStr, timestamp, Url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0f9de62fce790f9a083d5c99e95740ceb90c27e")]
    [InlineData("zz9de62fce790f9a083d5c99e95740ceb90c27ed")]
    public void A_missing_or_malformed_signature_does_not_verify(string? signature)
    {
        Assert.False(JsSdkSignature.Verify(signature, Ticket, NonceStr, Timestamp, Url));
    }
}
