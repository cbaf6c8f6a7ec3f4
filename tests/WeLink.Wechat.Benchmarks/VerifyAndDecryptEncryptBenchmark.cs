using BenchmarkDotNet.Attributes;
using WeLink.Wechat.Crypto;

namespace WeLink.Wechat.Benchmarks;

/// <summary>
/// The crypto alone, from an already-extracted Encrypt value of a ~1 KB push to its plaintext, so the
/// envelope's XML parsing (the same work on both sides) does not blur the comparison.
/// </summary>
[MemoryDiagnoser]
public class VerifyAndDecryptEncryptBenchmark
{
    private readonly OfficialSampleCrypt _official = new(BenchmarkData.Token, BenchmarkData.EncodingAesKey, BenchmarkData.ReceiveId);
    private readonly WxBizMsgCrypt _welink = new(BenchmarkData.Token, BenchmarkData.EncodingAesKey);
    private string _encrypt = string.Empty;
    private string _signature = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var (body, signature) = BenchmarkData.EncryptedPush();
        _encrypt = CallbackEnvelope.ParseXml(body).Encrypt;
        _signature = signature;
        if (OfficialSample() != BenchmarkData.OneKilobyteMessage || WeLink() != BenchmarkData.OneKilobyteMessage)
        {
            throw new InvalidOperationException("The implementations disagree on the benchmark push.");
        }
    }

    [Benchmark(Baseline = true)]
    public string OfficialSample()
    {
        var message = string.Empty;
        var code = _official.DecryptEncrypt(_signature, BenchmarkData.Timestamp, BenchmarkData.Nonce, _encrypt, ref message);
        return code == 0 ? message : throw new InvalidOperationException($"Official sample failed with {code}.");
    }

    [Benchmark]
    public string WeLink() =>
        _welink.VerifyAndDecrypt(_signature, BenchmarkData.Timestamp, BenchmarkData.Nonce, _encrypt, BenchmarkData.AcceptedReceiveIds).Message;
}
