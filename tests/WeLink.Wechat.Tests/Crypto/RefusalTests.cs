using System.Buffers.Binary;
using System.Text;
using WeLink.Wechat.Crypto;

namespace WeLink.Wechat.Tests.Crypto;

public sealed class RefusalTests
{
    private const string Secret = "secret-plaintext-marker";

    [Fact]
    public void A_bit_flip_in_the_last_but_one_block_breaks_the_padding()
    {
        var crypt = CryptoTestKit.NewCrypt();
        var bytes = Convert.FromBase64String(crypt.Encrypt(Secret, CryptoTestKit.ReceiveId));
        bytes[^17] ^= 0x01;

        AssertRefused(WxCryptoError.IllegalBuffer, () => crypt.Decrypt(Convert.ToBase64String(bytes), [CryptoTestKit.ReceiveId]));
    }

    [Fact]
    public void A_bit_flip_in_the_first_block_corrupts_the_length_field()
    {
        var crypt = CryptoTestKit.NewCrypt();
        var bytes = Convert.FromBase64String(crypt.Encrypt(Secret, CryptoTestKit.ReceiveId));
        bytes[0] ^= 0x80;

        AssertRefused(WxCryptoError.IllegalBuffer, () => crypt.Decrypt(Convert.ToBase64String(bytes), [CryptoTestKit.ReceiveId]));
    }

    [Fact]
    public void Tampered_ciphertext_is_refused_by_the_signature_before_decryption()
    {
        var crypt = CryptoTestKit.NewCrypt();
        var encrypt = crypt.Encrypt(Secret, CryptoTestKit.ReceiveId);
        var signature = crypt.Sign("1700000000", "123", encrypt);
        var tampered = (encrypt[0] == 'A' ? "B" : "A") + encrypt[1..];

        AssertRefused(WxCryptoError.SignatureMismatch, () => crypt.VerifyAndDecrypt(signature, "1700000000", "123", tampered, [CryptoTestKit.ReceiveId]));
    }

    [Fact]
    public void A_wrong_signature_is_refused()
    {
        var crypt = CryptoTestKit.NewCrypt();
        var encrypt = crypt.Encrypt(Secret, CryptoTestKit.ReceiveId);

        AssertRefused(WxCryptoError.SignatureMismatch, () => crypt.VerifyAndDecrypt(new string('0', 40), "1700000000", "123", encrypt, [CryptoTestKit.ReceiveId]));
        AssertRefused(WxCryptoError.SignatureMismatch, () => crypt.VerifyUrl(new string('0', 40), "1700000000", "123", encrypt, [CryptoTestKit.ReceiveId]));
    }

    [Fact]
    public void The_signature_is_checked_before_anything_is_decoded()
    {
        var crypt = CryptoTestKit.NewCrypt();

        AssertRefused(WxCryptoError.SignatureMismatch, () => crypt.VerifyAndDecrypt(new string('0', 40), "1700000000", "123", "not base64!", [CryptoTestKit.ReceiveId]));
    }

    [Fact]
    public void A_message_for_another_receiveid_is_refused()
    {
        var crypt = CryptoTestKit.NewCrypt();
        var encrypt = crypt.Encrypt(Secret, "wx_other_corp");

        AssertRefused(WxCryptoError.ReceiveIdMismatch, () => crypt.Decrypt(encrypt, [CryptoTestKit.ReceiveId, "wx_other_corp_2", "wx_other_cor"]));
    }

    [Fact]
    public void An_empty_accepted_receiveid_set_is_a_programming_error()
    {
        var crypt = CryptoTestKit.NewCrypt();
        var encrypt = crypt.Encrypt(Secret, CryptoTestKit.ReceiveId);

        Assert.Throws<ArgumentException>(() => crypt.Decrypt(encrypt, []));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(255)]
    public void A_pad_byte_outside_1_to_32_is_refused(byte pad)
    {
        var plaintext = Plaintext(Secret, CryptoTestKit.ReceiveId);
        var padded = PadWith(plaintext, pad);

        AssertRefused(WxCryptoError.IllegalBuffer, () => CryptoTestKit.NewCrypt().Decrypt(CryptoTestKit.EncryptRaw(padded), [CryptoTestKit.ReceiveId]));
    }

    [Fact]
    public void Pad_bytes_that_disagree_with_the_pad_length_are_refused()
    {
        var plaintext = Plaintext(Secret, CryptoTestKit.ReceiveId);
        var pad = 32 - (plaintext.Length % 32);
        var padded = plaintext.Concat(Enumerable.Repeat((byte)pad, pad)).ToArray();
        padded[^2] = (byte)(pad + 1);

        AssertRefused(WxCryptoError.IllegalBuffer, () => CryptoTestKit.NewCrypt().Decrypt(CryptoTestKit.EncryptRaw(padded), [CryptoTestKit.ReceiveId]));
    }

    [Fact]
    public void A_length_field_longer_than_the_content_is_refused()
    {
        var plaintext = Plaintext(Secret, CryptoTestKit.ReceiveId);
        BinaryPrimitives.WriteUInt32BigEndian(plaintext.AsSpan(16), (uint)(plaintext.Length - 19));
        var padded = PadWith(plaintext, (byte)(32 - (plaintext.Length % 32)));

        AssertRefused(WxCryptoError.IllegalBuffer, () => CryptoTestKit.NewCrypt().Decrypt(CryptoTestKit.EncryptRaw(padded), [CryptoTestKit.ReceiveId]));
    }

    [Fact]
    public void Message_bytes_that_are_not_utf8_are_refused()
    {
        var plaintext = Plaintext("ab", CryptoTestKit.ReceiveId);
        plaintext[20] = 0xC3;
        plaintext[21] = 0x28;
        var padded = PadWith(plaintext, (byte)(32 - (plaintext.Length % 32)));

        AssertRefused(WxCryptoError.IllegalBuffer, () => CryptoTestKit.NewCrypt().Decrypt(CryptoTestKit.EncryptRaw(padded), [CryptoTestKit.ReceiveId]));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("RypE=vHKD8QQKFhv")]
    [InlineData("RypEvHK")]
    [InlineData("RypEvHKD8QQKFhv＝")]
    public void Bad_base64_is_refused(string encrypt)
    {
        AssertRefused(WxCryptoError.DecodeBase64Failed, () => CryptoTestKit.NewCrypt().Decrypt(encrypt, [CryptoTestKit.ReceiveId]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Ciphertext_that_is_not_whole_aes_blocks_is_refused(string encrypt)
    {
        AssertRefused(WxCryptoError.DecryptFailed, () => CryptoTestKit.NewCrypt().Decrypt(encrypt, [CryptoTestKit.ReceiveId]));
    }

    [Fact]
    public void Ciphertext_under_another_key_is_refused()
    {
        var other = new WxBizMsgCrypt(CryptoTestKit.Token, "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
        var encrypt = other.Encrypt(Secret, CryptoTestKit.ReceiveId);

        var error = Assert.Throws<WxCryptoException>(() => CryptoTestKit.NewCrypt().Decrypt(encrypt, [CryptoTestKit.ReceiveId]));

        Assert.Contains(error.Error, new[] { WxCryptoError.IllegalBuffer, WxCryptoError.ReceiveIdMismatch });
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2CC")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B+C")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B=C")]
    [InlineData("")]
    public void An_illegal_encoding_aes_key_is_refused(string key)
    {
        var error = Assert.Throws<WxCryptoException>(() => new WxBizMsgCrypt(CryptoTestKit.Token, key));

        Assert.Equal(WxCryptoError.IllegalAesKey, error.Error);
        Assert.Equal(-40004, error.Code);
    }

    [Fact]
    public void The_official_key_with_non_zero_trailing_bits_is_accepted()
    {
        var crypt = new WxBizMsgCrypt(CryptoTestKit.Token, CryptoTestKit.EncodingAesKey);

        Assert.Equal("x", crypt.Decrypt(crypt.Encrypt("x", "id"), ["id"]).Message);
    }

    private static void AssertRefused(WxCryptoError expected, Func<DecryptedMessage> decrypt) =>
        AssertRefused(expected, () => (object)decrypt());

    private static void AssertRefused(WxCryptoError expected, Func<string> decrypt) =>
        AssertRefused(expected, () => (object)decrypt());

    private static void AssertRefused(WxCryptoError expected, Func<object> decrypt)
    {
        object? result = null;
        var error = Assert.Throws<WxCryptoException>(() => result = decrypt());

        Assert.Equal(expected, error.Error);
        Assert.Equal((int)expected, error.Code);
        Assert.Null(result);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    private static byte[] Plaintext(string message, string receiveId)
    {
        var messageBytes = Encoding.UTF8.GetBytes(message);
        var result = new byte[20 + messageBytes.Length + receiveId.Length];
        "0123456789abcdef"u8.CopyTo(result);
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(16), (uint)messageBytes.Length);
        messageBytes.CopyTo(result, 20);
        Encoding.ASCII.GetBytes(receiveId).CopyTo(result, 20 + messageBytes.Length);
        return result;
    }

    private static byte[] PadWith(byte[] plaintext, byte padByte)
    {
        var padLength = 32 - (plaintext.Length % 32);
        return plaintext.Concat(Enumerable.Repeat(padByte, padLength)).ToArray();
    }
}
