using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using WeLink.Sandbox.Hosting;
using WeLink.Wechat.Crypto;

namespace WeLink.Sandbox.Pushes;

public sealed record UrlCheck(string Url, int? StatusCode, bool Passed, double ElapsedMilliseconds, string? Problem);

/// <summary>
/// What the WeCom provider console does when the suite's URLs are saved: a GET with an echostr
/// encrypted for the provider corpid, which WeLink must decrypt and echo as plaintext in time
/// (<see cref="SandboxOptions.UrlCheckAnswerWithin"/>, 1 s as on WeCom).
/// </summary>
public sealed class UrlVerifier(IOptions<SandboxOptions> options, IHttpClientFactory httpClientFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<UrlCheck>> VerifySuiteUrlsAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.CallbackBaseUrl is not { } baseUrl)
        {
            return [new UrlCheck("", null, false, 0, "Sandbox:CallbackBaseUrl is not set.")];
        }

        var root = baseUrl.ToString().TrimEnd('/');
        var crypt = new WxBizMsgCrypt(settings.Suite.Token, settings.Suite.EncodingAesKey);
        return
        [
            await VerifyAsync(crypt, root + "/wecom/suite/instructions", cancellationToken),
            await VerifyAsync(crypt, root + "/wecom/suite/data/" + Uri.EscapeDataString(settings.ProviderCorpId), cancellationToken),
        ];
    }

    private async Task<UrlCheck> VerifyAsync(WxBizMsgCrypt crypt, string url, CancellationToken cancellationToken)
    {
        var expected = Random.Shared.NextInt64(1_000_000_000_000_000, long.MaxValue).ToString(CultureInfo.InvariantCulture);
        var echostr = crypt.Encrypt(expected, options.Value.ProviderCorpId);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Random.Shared.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var query = $"?msg_signature={crypt.Sign(timestamp, nonce, echostr)}&timestamp={timestamp}&nonce={nonce}&echostr={Uri.EscapeDataString(echostr)}";
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PushAttemptTimeout);
        try
        {
            using var response = await httpClientFactory.CreateClient(PushDeliveryService.HttpClientName).GetAsync(new Uri(url + query), timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var problem = (int)response.StatusCode != 200 ? "WeCom needs HTTP 200."
                : body != expected ? "The body must be the decrypted echostr exactly, with no quotes, BOM or newline."
                : elapsed > options.Value.UrlCheckAnswerWithin ? $"WeCom needs the answer within {options.Value.UrlCheckAnswerWithin.TotalSeconds} s."
                : null;
            return new UrlCheck(url, (int)response.StatusCode, problem is null, elapsed.TotalMilliseconds, problem);
        }
        catch (Exception failure) when (failure is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new UrlCheck(url, null, false, Stopwatch.GetElapsedTime(started).TotalMilliseconds, failure.Message);
        }
    }
}
