using BenchmarkDotNet.Attributes;
using WeLink.Wechat.Crypto;

namespace WeLink.Wechat.Benchmarks;

/// <summary>
/// From the POST body of a ~1 KB push to its plaintext: parse the envelope, verify, decrypt, check the
/// receiveid. Both sides parse XML; ours with the hardened reader, the sample with XmlDocument.
/// </summary>
[MemoryDiagnoser]
public class VerifyAndDecryptBenchmark
{
    private readonly OfficialSampleCrypt _official = new(BenchmarkData.Token, BenchmarkData.EncodingAesKey, BenchmarkData.ReceiveId);
    private readonly WxBizMsgCrypt _welink = new(BenchmarkData.Token, BenchmarkData.EncodingAesKey);
    private string _body = string.Empty;
    private string _signature = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        (_body, _signature) = BenchmarkData.EncryptedPush();
        if (OfficialSample() != BenchmarkData.OneKilobyteMessage || WeLink() != BenchmarkData.OneKilobyteMessage)
        {
            throw new InvalidOperationException("The implementations disagree on the benchmark push.");
        }
    }

    [Benchmark(Baseline = true)]
    public string OfficialSample()
    {
        var message = string.Empty;
        var code = _official.DecryptMsg(_signature, BenchmarkData.Timestamp, BenchmarkData.Nonce, _body, ref message);
        return code == 0 ? message : throw new InvalidOperationException($"Official sample failed with {code}.");
    }

    [Benchmark]
    public string WeLink()
    {
        var envelope = CallbackEnvelope.ParseXml(_body);
        return _welink.VerifyAndDecrypt(
            _signature, BenchmarkData.Timestamp, BenchmarkData.Nonce, envelope.Encrypt, BenchmarkData.AcceptedReceiveIds).Message;
    }
}
