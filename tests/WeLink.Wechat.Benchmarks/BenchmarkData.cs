using System.Text;
using WeLink.Wechat.Crypto;

namespace WeLink.Wechat.Benchmarks;

/// <summary>A WeCom text push of about 1 KB of plaintext, encrypted and signed once for the benchmarks.</summary>
internal static class BenchmarkData
{
    public const string Token = "QDG6eK";
    public const string EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string ReceiveId = "wx5823bf96d3bd56c7";
    public const string Timestamp = "1409659813";
    public const string Nonce = "1372623149";

    public static readonly string[] AcceptedReceiveIds = [ReceiveId];

    public static string OneKilobyteMessage { get; } = BuildMessage();

    public static string ReplyMessage { get; } =
        "<xml><ToUserName><![CDATA[zhangsan]]></ToUserName><FromUserName><![CDATA[wx5823bf96d3bd56c7]]></FromUserName>"
        + "<CreateTime>1409659813</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        + "<Content><![CDATA[已收到，客服将在 30 分钟内联系您。]]></Content></xml>";

    public static (string Body, string Signature) EncryptedPush()
    {
        var crypt = new WxBizMsgCrypt(Token, EncodingAesKey);
        var encrypt = crypt.Encrypt(OneKilobyteMessage, ReceiveId);
        var body = $"<xml><ToUserName><![CDATA[{ReceiveId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";
        return (body, crypt.Sign(Timestamp, Nonce, encrypt));
    }

    private static string BuildMessage()
    {
        var content = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(content.ToString()) < 800)
        {
            content.Append("您好，我想预约本周六上午的试驾，车型是新款 SUV。Hello, booking a test drive. ");
        }

        return $"<xml><ToUserName><![CDATA[{ReceiveId}]]></ToUserName>\n<FromUserName><![CDATA[zhangsan]]></FromUserName>\n"
            + "<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n"
            + $"<Content><![CDATA[{content}]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>";
    }
}
