using System.Globalization;
using System.Text;
using WeLink.Callbacks.Bench;
using WeLink.Server.Hosting;
using WeLink.Wechat.Crypto;

// The callback benchmark's helper (scripts/bench/callbacks.sh):
//   generate COUNT FILE APPID ORIGINAL_ID TOKEN AESKEY COMPONENT_APPID
//       writes COUNT official-account text messages to ORIGINAL_ID (the account's gh_ id, which WeLink checks against
//       the account's link), each sealed and signed as WeChat sends them to /wechat/component/accounts/APPID/messages,
//       with its own nonce and MsgId, one "path<TAB>body" a line.
//   serve BARE_PORT WELINK_ARGS...
//       WeLink, run as WeLink.Server runs it, listening also on BARE_PORT (name it in --urls), where the first
//       middleware reads each POST body and answers "success": the floor WeLink is compared with, in the same process.
return args switch
{
    ["generate", var count, var file, var appId, var originalId, var token, var aesKey, var componentAppId] =>
        Generate(int.Parse(count, CultureInfo.InvariantCulture), file, appId, originalId, token, aesKey, componentAppId),
    ["serve", var barePort, .. var welinkArgs] => await WeLinkApp.RunAsync(
        welinkArgs, builder => builder.Services.AddSingleton<IStartupFilter>(new BareEndpoint(int.Parse(barePort, CultureInfo.InvariantCulture)))),
    _ => Usage(),
};

static int Generate(int count, string file, string appId, string originalId, string token, string aesKey, string componentAppId)
{
    var crypt = new WxBizMsgCrypt(token, aesKey);
    var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    var firstMsgId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
    using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false));
    for (var i = 0; i < count; i++)
    {
        // Nonces and MsgIds start at this run's clock in microseconds-ish, so two generated sets never share one.
        var nonce = (firstMsgId + i).ToString(CultureInfo.InvariantCulture);
        var plaintext = "<xml><ToUserName><![CDATA[" + originalId + "]]></ToUserName><FromUserName><![CDATA[o_bench_follower_"
            + (i % 1000).ToString(CultureInfo.InvariantCulture) + "]]></FromUserName><CreateTime>" + timestamp
            + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[benchmark message "
            + i.ToString(CultureInfo.InvariantCulture) + "]]></Content><MsgId>"
            + (firstMsgId + i).ToString(CultureInfo.InvariantCulture) + "</MsgId></xml>";
        var encrypt = crypt.Encrypt(plaintext, componentAppId);
        var path = $"/wechat/component/accounts/{appId}/messages?signature={PlainSignature.Compute(token, timestamp, nonce)}"
            + $"&timestamp={timestamp}&nonce={nonce}&openid=o_bench&encrypt_type=aes&msg_signature={crypt.Sign(timestamp, nonce, encrypt)}";
        writer.Write(path);
        writer.Write('\t');
        writer.Write($"<xml><ToUserName><![CDATA[{originalId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");
        writer.Write('\n');
    }

    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: generate COUNT FILE APPID ORIGINAL_ID TOKEN AESKEY COMPONENT_APPID | serve BARE_PORT WELINK_ARGS...");
    return 2;
}
