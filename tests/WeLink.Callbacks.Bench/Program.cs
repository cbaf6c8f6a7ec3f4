using System.Globalization;
using System.Text;
using WeLink.Wechat.Crypto;

// The callback benchmark's helper (scripts/bench/callbacks.sh):
//   generate COUNT FILE APPID TOKEN AESKEY COMPONENT_APPID
//       writes COUNT official-account text messages, each sealed and signed as WeChat sends them to
//       /wechat/component/accounts/APPID/messages, with its own nonce and MsgId, one "path<TAB>body" a line.
//   bare URL
//       a Kestrel host that reads each POST body and answers "success": the floor WeLink is compared with.
return args switch
{
    ["generate", var count, var file, var appId, var token, var aesKey, var componentAppId] =>
        Generate(int.Parse(count, CultureInfo.InvariantCulture), file, appId, token, aesKey, componentAppId),
    ["bare", var url] => await RunBareAsync(url),
    _ => Usage(),
};

static int Generate(int count, string file, string appId, string token, string aesKey, string componentAppId)
{
    var crypt = new WxBizMsgCrypt(token, aesKey);
    var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    var firstMsgId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
    using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false));
    for (var i = 0; i < count; i++)
    {
        // Nonces and MsgIds start at this run's clock in microseconds-ish, so two generated sets never share one.
        var nonce = (firstMsgId + i).ToString(CultureInfo.InvariantCulture);
        var plaintext = "<xml><ToUserName><![CDATA[gh_benchaccount]]></ToUserName><FromUserName><![CDATA[o_bench_follower_"
            + (i % 1000).ToString(CultureInfo.InvariantCulture) + "]]></FromUserName><CreateTime>" + timestamp
            + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[benchmark message "
            + i.ToString(CultureInfo.InvariantCulture) + "]]></Content><MsgId>"
            + (firstMsgId + i).ToString(CultureInfo.InvariantCulture) + "</MsgId></xml>";
        var encrypt = crypt.Encrypt(plaintext, componentAppId);
        var path = $"/wechat/component/accounts/{appId}/messages?signature={PlainSignature.Compute(token, timestamp, nonce)}"
            + $"&timestamp={timestamp}&nonce={nonce}&openid=o_bench&encrypt_type=aes&msg_signature={crypt.Sign(timestamp, nonce, encrypt)}";
        writer.Write(path);
        writer.Write('\t');
        writer.Write($"<xml><ToUserName><![CDATA[gh_benchaccount]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");
        writer.Write('\n');
    }

    return 0;
}

static async Task<int> RunBareAsync(string url)
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.UseUrls(url);
    var app = builder.Build();
    app.MapPost("/{**path}", async (HttpRequest request, CancellationToken cancellationToken) =>
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        await reader.ReadToEndAsync(cancellationToken);
        return TypedResults.Text("success", "text/plain");
    });
    await app.RunAsync();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: generate COUNT FILE APPID TOKEN AESKEY COMPONENT_APPID | bare URL");
    return 2;
}
