using BenchmarkDotNet.Attributes;
using WeLink.Wechat.Crypto;

namespace WeLink.Wechat.Benchmarks;

/// <summary>From a passive reply's plaintext to the encrypted, signed reply XML.</summary>
[MemoryDiagnoser]
public class EncryptAndSignBenchmark
{
    private readonly OfficialSampleCrypt _official = new(BenchmarkData.Token, BenchmarkData.EncodingAesKey, BenchmarkData.ReceiveId);
    private readonly WxBizMsgCrypt _welink = new(BenchmarkData.Token, BenchmarkData.EncodingAesKey);

    [GlobalSetup]
    public void Setup()
    {
        foreach (var reply in new[] { OfficialSample(), WeLink() })
        {
            var envelope = CallbackEnvelope.ParseXml(reply);
            var signature = reply[(reply.IndexOf("<MsgSignature><![CDATA[", StringComparison.Ordinal) + 23)..][..40];
            var decrypted = _welink.VerifyAndDecrypt(
                signature, BenchmarkData.Timestamp, BenchmarkData.Nonce, envelope.Encrypt, BenchmarkData.AcceptedReceiveIds);
            if (decrypted.Message != BenchmarkData.ReplyMessage)
            {
                throw new InvalidOperationException("The implementations disagree on the benchmark reply.");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public string OfficialSample()
    {
        var reply = string.Empty;
        var code = _official.EncryptMsg(BenchmarkData.ReplyMessage, BenchmarkData.Timestamp, BenchmarkData.Nonce, ref reply);
        return code == 0 ? reply : throw new InvalidOperationException($"Official sample failed with {code}.");
    }

    [Benchmark]
    public string WeLink() =>
        _welink.BuildEncryptedReplyXml(BenchmarkData.ReplyMessage, BenchmarkData.ReceiveId, BenchmarkData.Timestamp, BenchmarkData.Nonce);
}
