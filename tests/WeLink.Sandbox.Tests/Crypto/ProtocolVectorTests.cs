using System.Text;
using System.Text.Json;
using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Wechat.Crypto;

namespace WeLink.Sandbox.Tests.Crypto;

/// <summary>
/// The sandbox seals and opens pushes with WeLink.Wechat's crypto; checking it here against the
/// official vectors means a bug shared by WeLink and the sandbox cannot cancel itself out.
/// </summary>
public sealed class ProtocolVectorTests
{
    public static TheoryData<string> Vectors(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var vector in Load().Where(v => v.GetProperty("kind").GetString() == kind))
        {
            data.Add(vector.GetProperty("id").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors), "decrypt")]
    public void Every_decrypt_vector_verifies_and_opens_to_the_expected_message(string id)
    {
        var vector = Find(id);
        var crypt = new WxBizMsgCrypt(vector.Text("token"), vector.Text("encoding_aes_key"));

        var opened = crypt.VerifyAndDecrypt(
            vector.Text("msg_signature"), vector.Text("timestamp"), vector.Text("nonce"), vector.Text("encrypt"), [vector.Text("expect_receiveid")]);

        Assert.Equal(vector.Text("expect_msg"), opened.Message);
        Assert.Equal(vector.Text("expect_receiveid"), opened.ReceiveId);
    }

    [Theory]
    [MemberData(nameof(Vectors), "encrypt")]
    public void Every_encrypt_vector_is_reproduced_byte_for_byte(string id)
    {
        var vector = Find(id);
        var token = vector.TryGetProperty("token", out var t) ? t.GetString()! : "unused";
        var crypt = new WxBizMsgCrypt(token, vector.Text("encoding_aes_key"));

        var encrypt = crypt.Encrypt(vector.Text("msg"), vector.Text("receiveid"), Encoding.ASCII.GetBytes(vector.Text("random")));

        Assert.Equal(vector.Text("expect_encrypt"), encrypt);
        if (vector.TryGetProperty("msg_signature", out var signature))
        {
            Assert.Equal(signature.GetString(), crypt.Sign(vector.Text("timestamp"), vector.Text("nonce"), encrypt));
        }
    }

    [Theory]
    [MemberData(nameof(Vectors), "sig3")]
    public void Every_plain_signature_vector_matches(string id)
    {
        var vector = Find(id);

        Assert.Equal(vector.Text("expect"), PlainSignature.Compute(vector.Text("token"), vector.Text("timestamp"), vector.Text("nonce")));
    }

    [Fact]
    public void The_vector_file_covers_all_three_kinds()
    {
        var kinds = Load().Select(v => v.GetProperty("kind").GetString()).ToHashSet();

        Assert.Equal(["decrypt", "encrypt", "sig3"], kinds.Order());
    }

    private static JsonElement Find(string id) => Load().Single(v => v.GetProperty("id").GetString() == id);

    private static List<JsonElement> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "protocol-vectors.json")));
        return [.. document.RootElement.EnumerateArray().Select(v => v.Clone())];
    }
}
