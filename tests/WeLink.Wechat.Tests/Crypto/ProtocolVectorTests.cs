using System.Text;
using WeLink.Wechat.Crypto;
using WeLink.Wechat.Tests.Vectors;

namespace WeLink.Wechat.Tests.Crypto;

public sealed class ProtocolVectorTests
{
    public static TheoryData<string> DecryptVectors => ProtocolVectors.IdsOfKind("decrypt");

    public static TheoryData<string> PlainSignatureVectors => ProtocolVectors.IdsOfKind("sig3");

    public static TheoryData<string> EncryptVectors => ProtocolVectors.IdsOfKind("encrypt");

    [Fact]
    public void Every_vector_in_the_file_is_of_a_kind_these_tests_cover()
    {
        var covered = DecryptVectors.Count + PlainSignatureVectors.Count + EncryptVectors.Count;

        Assert.Equal(ProtocolVectors.Count, covered);
        Assert.Equal(13, covered);
    }

    [Theory]
    [MemberData(nameof(DecryptVectors))]
    public void Decrypt_vector_has_a_valid_msg_signature(string id)
    {
        var vector = ProtocolVectors.Get(id);
        var crypt = new WxBizMsgCrypt(vector.Field("token"), vector.Field("encoding_aes_key"));

        var signature = crypt.Sign(vector.Field("timestamp"), vector.Field("nonce"), vector.Field("encrypt"));

        Assert.Equal(vector.Field("msg_signature"), signature);
        Assert.True(crypt.VerifySignature(
            vector.Field("msg_signature"), vector.Field("timestamp"), vector.Field("nonce"), vector.Field("encrypt")));
    }

    [Theory]
    [MemberData(nameof(DecryptVectors))]
    public void Decrypt_vector_yields_the_official_plaintext_and_receiveid(string id)
    {
        var vector = ProtocolVectors.Get(id);
        var crypt = new WxBizMsgCrypt(vector.Field("token"), vector.Field("encoding_aes_key"));

        var decrypted = crypt.VerifyAndDecrypt(
            vector.Field("msg_signature"),
            vector.Field("timestamp"),
            vector.Field("nonce"),
            vector.Field("encrypt"),
            ["some-other-id", vector.Field("expect_receiveid")]);

        Assert.Equal(vector.Field("expect_msg"), decrypted.Message);
        Assert.Equal(vector.Field("expect_receiveid"), decrypted.ReceiveId);
    }

    [Theory]
    [MemberData(nameof(DecryptVectors))]
    public void Decrypt_vector_is_refused_when_its_receiveid_is_not_accepted(string id)
    {
        var vector = ProtocolVectors.Get(id);
        var crypt = new WxBizMsgCrypt(vector.Field("token"), vector.Field("encoding_aes_key"));

        var error = Assert.Throws<WxCryptoException>(() => crypt.Decrypt(vector.Field("encrypt"), ["wx0000000000000000"]));

        Assert.Equal(WxCryptoError.ReceiveIdMismatch, error.Error);
        Assert.Equal(-40005, error.Code);
    }

    [Theory]
    [MemberData(nameof(PlainSignatureVectors))]
    public void Plain_signature_vector_matches(string id)
    {
        var vector = ProtocolVectors.Get(id);

        var signature = PlainSignature.Compute(vector.Field("token"), vector.Field("timestamp"), vector.Field("nonce"));

        Assert.Equal(vector.Field("expect"), signature);
        Assert.True(PlainSignature.Verify(
            vector.Field("expect").ToUpperInvariant(), vector.Field("token"), vector.Field("timestamp"), vector.Field("nonce")));
    }

    [Theory]
    [MemberData(nameof(EncryptVectors))]
    public void Encrypt_vector_reproduces_the_official_ciphertext_byte_for_byte(string id)
    {
        var vector = ProtocolVectors.Get(id);
        var crypt = new WxBizMsgCrypt(vector.OptionalField("token") ?? "unused", vector.Field("encoding_aes_key"));
        var random = Encoding.ASCII.GetBytes(vector.Field("random"));

        var encrypt = crypt.Encrypt(vector.Field("msg"), vector.Field("receiveid"), random);

        Assert.Equal(vector.Field("expect_encrypt"), encrypt);
        var decrypted = crypt.Decrypt(encrypt, [vector.Field("receiveid")]);
        Assert.Equal(vector.Field("msg"), decrypted.Message);
    }

    [Theory]
    [MemberData(nameof(EncryptVectors))]
    public void Encrypt_vector_reply_carries_the_official_msg_signature(string id)
    {
        var vector = ProtocolVectors.Get(id);
        if (vector.OptionalField("msg_signature") is not { } expected)
        {
            // P2 vectors (from the Java demo) test the cipher only and publish no signature.
            Assert.Null(vector.OptionalField("token"));
            return;
        }

        var crypt = new WxBizMsgCrypt(vector.Field("token"), vector.Field("encoding_aes_key"));

        var signature = crypt.Sign(vector.Field("timestamp"), vector.Field("nonce"), vector.Field("expect_encrypt"));

        Assert.Equal(expected, signature);
    }
}
