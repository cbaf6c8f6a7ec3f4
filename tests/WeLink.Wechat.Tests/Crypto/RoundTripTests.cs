using System.Text;
using WeLink.Wechat.Crypto;

namespace WeLink.Wechat.Tests.Crypto;

public sealed class RoundTripTests
{
    public static TheoryData<string> Messages => new()
    {
        string.Empty,
        "hello",
        "<xml><Content><![CDATA[你好，世界]]></Content></xml>",
        "emoji 😀🚗 and CJK 试驾预约",
        RandomText(64 * 1024, seed: 7),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_message_survives_encrypt_then_decrypt(string message)
    {
        var crypt = CryptoTestKit.NewCrypt();

        var encrypt = crypt.Encrypt(message, CryptoTestKit.ReceiveId);
        var decrypted = crypt.Decrypt(encrypt, [CryptoTestKit.ReceiveId]);

        Assert.Equal(message, decrypted.Message);
        Assert.Equal(CryptoTestKit.ReceiveId, decrypted.ReceiveId);
    }

    [Fact]
    public void Every_pad_length_from_1_to_32_is_produced_and_accepted()
    {
        var crypt = CryptoTestKit.NewCrypt();
        var seen = new HashSet<int>();

        for (var length = 0; length < 32; length++)
        {
            var message = new string('x', length);
            var encrypt = crypt.Encrypt(message, CryptoTestKit.ReceiveId);

            var raw = CryptoTestKit.DecryptRaw(encrypt);
            int pad = raw[^1];
            var contentLength = 16 + 4 + length + CryptoTestKit.ReceiveId.Length;
            Assert.Equal(32 - (contentLength % 32), pad);
            Assert.Equal(0, raw.Length % 32);
            Assert.All(raw[^pad..], b => Assert.Equal(pad, b));
            Assert.Equal(message, crypt.Decrypt(encrypt, [CryptoTestKit.ReceiveId]).Message);
            seen.Add(pad);
        }

        Assert.Equal(Enumerable.Range(1, 32), seen.Order());
    }

    [Fact]
    public void The_length_prefix_counts_utf8_bytes_not_chars()
    {
        var crypt = CryptoTestKit.NewCrypt();

        var raw = CryptoTestKit.DecryptRaw(crypt.Encrypt("你好", CryptoTestKit.ReceiveId));

        Assert.Equal(new byte[] { 0, 0, 0, 6 }, raw[16..20]);
        Assert.Equal("你好", Encoding.UTF8.GetString(raw, 20, 6));
    }

    [Fact]
    public void Two_encryptions_of_one_message_differ_because_the_prefix_is_random()
    {
        var crypt = CryptoTestKit.NewCrypt();

        Assert.NotEqual(crypt.Encrypt("same", CryptoTestKit.ReceiveId), crypt.Encrypt("same", CryptoTestKit.ReceiveId));
    }

    [Fact]
    public void Random_prefixes_stay_distinct_across_many_encryptions()
    {
        var crypt = CryptoTestKit.NewCrypt();

        var prefixes = Enumerable.Range(0, 300)
            .Select(_ => Convert.ToHexString(CryptoTestKit.DecryptRaw(crypt.Encrypt("same", CryptoTestKit.ReceiveId))[..16]))
            .ToList();

        Assert.Equal(prefixes.Count, prefixes.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(new string('0', 32), prefixes);
    }

    [Fact]
    public void An_empty_receiveid_round_trips_for_personal_entity_apps()
    {
        var crypt = CryptoTestKit.NewCrypt();

        var decrypted = crypt.Decrypt(crypt.Encrypt("hi", string.Empty), [string.Empty]);

        Assert.Equal("hi", decrypted.Message);
        Assert.Equal(string.Empty, decrypted.ReceiveId);
    }

    [Fact]
    public void Base64_that_only_a_lenient_decoder_takes_still_decrypts()
    {
        // Non-zero bits after the last byte and embedded line breaks are what Convert has always
        // accepted; the vectorized decoder refuses them and hands them back to Convert.
        var crypt = CryptoTestKit.NewCrypt();
        var encrypt = crypt.Encrypt("hi", CryptoTestKit.ReceiveId);
        Assert.EndsWith("==", encrypt, StringComparison.Ordinal);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var last = encrypt.Length - 3;
        var trailingBitSet = encrypt[..last] + alphabet[alphabet.IndexOf(encrypt[last], StringComparison.Ordinal) | 1] + "==";
        var wrapped = encrypt[..40] + "\r\n" + encrypt[40..];

        Assert.Equal("hi", crypt.Decrypt(trailingBitSet, [CryptoTestKit.ReceiveId]).Message);
        Assert.Equal("hi", crypt.Decrypt(wrapped, [CryptoTestKit.ReceiveId]).Message);
    }

    [Fact]
    public void Concurrent_callers_share_one_instance_safely()
    {
        var crypt = CryptoTestKit.NewCrypt();

        Parallel.For(0, 2000, i =>
        {
            var message = $"message {i} 消息";
            var decrypted = crypt.Decrypt(crypt.Encrypt(message, CryptoTestKit.ReceiveId), [CryptoTestKit.ReceiveId]);
            Assert.Equal(message, decrypted.Message);
        });
    }

    [Fact]
    public void The_xml_reply_envelope_verifies_and_decrypts_with_elements_in_official_order()
    {
        var crypt = CryptoTestKit.NewCrypt();

        var xml = crypt.BuildEncryptedReplyXml("<xml>reply</xml>", CryptoTestKit.ReceiveId, "1713424427", "415670741");

        string[] elements = ["<Encrypt>", "<MsgSignature>", "<TimeStamp>1713424427</TimeStamp>", "<Nonce><![CDATA[415670741]]></Nonce>"];
        var order = elements
            .Select(element => xml.IndexOf(element, StringComparison.Ordinal))
            .ToArray();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        var envelope = CallbackEnvelope.ParseXml(xml);
        var signature = Between(xml, "<MsgSignature><![CDATA[", "]]>");
        var decrypted = crypt.VerifyAndDecrypt(signature, "1713424427", "415670741", envelope.Encrypt, [CryptoTestKit.ReceiveId]);
        Assert.Equal("<xml>reply</xml>", decrypted.Message);
    }

    [Fact]
    public void The_json_reply_envelope_verifies_and_decrypts()
    {
        var crypt = CryptoTestKit.NewCrypt();

        var json = crypt.BuildEncryptedReplyJson("{\"demo_resp\":\"good luck\"}", CryptoTestKit.ReceiveId, "1713424427", "415670741");

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(1713424427, root.GetProperty("TimeStamp").GetInt64());
        var decrypted = crypt.VerifyAndDecrypt(
            root.GetProperty("MsgSignature").GetString()!,
            "1713424427",
            root.GetProperty("Nonce").GetString()!,
            root.GetProperty("Encrypt").GetString()!,
            [CryptoTestKit.ReceiveId]);
        Assert.Equal("{\"demo_resp\":\"good luck\"}", decrypted.Message);
    }

    [Fact]
    public void The_wecom_json_reply_uses_lowercase_names()
    {
        var crypt = CryptoTestKit.NewCrypt();

        var json = crypt.BuildEncryptedReplyJson("{}", CryptoTestKit.ReceiveId, "1713424427", "415670741", EncryptedReplyJsonNaming.Lowercase);

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        string[] expected = ["encrypt", "msgsignature", "timestamp", "nonce"];
        Assert.Equal(expected, root.EnumerateObject().Select(property => property.Name));
        var envelope = CallbackEnvelope.ParseJson(json);
        Assert.Equal("{}", crypt.VerifyAndDecrypt(root.GetProperty("msgsignature").GetString()!, "1713424427", "415670741", envelope.Encrypt, [CryptoTestKit.ReceiveId]).Message);
    }

    [Theory]
    [InlineData("17134x4427", "415670741")]
    [InlineData("1713424427", "41567]]><x>")]
    [InlineData("", "415670741")]
    public void A_reply_with_an_unsafe_timestamp_or_nonce_is_refused(string timestamp, string nonce)
    {
        var crypt = CryptoTestKit.NewCrypt();

        Assert.Throws<ArgumentException>(() => crypt.BuildEncryptedReplyXml("x", CryptoTestKit.ReceiveId, timestamp, nonce));
    }

    [Fact]
    public void Url_verification_returns_the_echostr_plaintext()
    {
        var crypt = CryptoTestKit.NewCrypt();

        var echo = crypt.VerifyUrl(
            "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
            "1409659589",
            "263014780",
            "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
            [CryptoTestKit.ReceiveId]);

        Assert.Equal("1616140317555161061", echo);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static string RandomText(int length, int seed)
    {
        const string alphabet = "abcXYZ019 <>&\n汽车试驾会员积分投诉😀";
        var random = new Random(seed);
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            var index = random.Next(alphabet.Length);
            if (char.IsSurrogate(alphabet[index]))
            {
                builder.Append("😀");
            }
            else
            {
                builder.Append(alphabet[index]);
            }
        }

        return builder.ToString();
    }
}
