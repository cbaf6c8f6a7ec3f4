using System.Globalization;
using System.Text;
using WeLink.Wechat.Crypto;

namespace WeLink.Server.Tests.Callbacks;

/// <summary>A callback sealed and signed the way WeChat and WeCom send it, with the test host's credentials.</summary>
public sealed record SignedPush(string Path, string MsgSignature, string Timestamp, string Nonce, string Body, string? Signature = null)
{
    /// <summary>The account the callback hosts link: its appid (in the URL) and original id (ToUserName of its pushes).</summary>
    public const string AppId = "wxdealer0001";

    public const string OriginalId = "gh_testaccount01";

    public static readonly WxBizMsgCrypt ComponentCrypt = new(SandboxSettings.ComponentToken, SandboxSettings.ComponentAesKey);
    public static readonly WxBizMsgCrypt SuiteCrypt = new(SandboxSettings.SuiteToken, SandboxSettings.SuiteAesKey);

    private static long _nonce = Random.Shared.Next(100_000, 1_000_000) * 1000L;

    public string Query =>
        $"?{(Signature is null ? "" : $"signature={Signature}&")}timestamp={Timestamp}&nonce={Nonce}&encrypt_type=aes&msg_signature={MsgSignature}";

    public static string NextNonce() => Interlocked.Increment(ref _nonce).ToString(CultureInfo.InvariantCulture);

    /// <summary>A follower's message to an authorized account: the component's key, the component appid as receiveid.</summary>
    public static SignedPush ToAccount(string appId, string plaintext, DateTimeOffset at, string? nonce = null, string receiveId = SandboxSettings.ComponentAppId) =>
        Seal($"/wechat/component/accounts/{appId}/messages", ComponentCrypt, SandboxSettings.ComponentToken, plaintext, receiveId, "ToUserName", OriginalId, at, nonce);

    public static SignedPush ToComponent(string plaintext, DateTimeOffset at) =>
        Seal("/wechat/component/events", ComponentCrypt, SandboxSettings.ComponentToken, plaintext, SandboxSettings.ComponentAppId, "AppId", SandboxSettings.ComponentAppId, at, null);

    public static SignedPush ToCorp(string corpId, string plaintext, DateTimeOffset at) =>
        Seal($"/wecom/suite/data/{corpId}", SuiteCrypt, SandboxSettings.SuiteToken, plaintext, corpId, "ToUserName", corpId, at, null);

    /// <summary>A follower's text message; <paramref name="msgId"/> is what WeChat de-duplicates on.</summary>
    public static string TextMessage(string content, long msgId, DateTimeOffset at, string toUserName = OriginalId, string fromUserName = "o_follower_1") =>
        $"<xml><ToUserName><![CDATA[{toUserName}]]></ToUserName><FromUserName><![CDATA[{fromUserName}]]></FromUserName>"
        + $"<CreateTime>{at.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        + $"<Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId></xml>";

    public static long NextMsgId() => Interlocked.Increment(ref _nonce) * 7;

    /// <summary>The same push with another body, still signed correctly (a token holder forging content).</summary>
    public SignedPush Resigned(WxBizMsgCrypt crypt, string body, string encrypt) =>
        this with { Body = body, MsgSignature = crypt.Sign(Timestamp, Nonce, encrypt) };

    public async Task<HttpResponseMessage> PostAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var content = new StringContent(Body, Encoding.UTF8, "text/xml");
        return await http.PostAsync(new Uri(Path + Query, UriKind.Relative), content);
    }

    private static SignedPush Seal(
        string path, WxBizMsgCrypt crypt, string token, string plaintext, string receiveId, string headName, string headValue, DateTimeOffset at, string? nonce)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        nonce ??= NextNonce();
        var encrypt = crypt.Encrypt(plaintext, receiveId);
        var body = $"<xml><{headName}><![CDATA[{headValue}]]></{headName}><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        return new SignedPush(path, crypt.Sign(timestamp, nonce, encrypt), timestamp, nonce, body, PlainSignature.Compute(token, timestamp, nonce));
    }
}
