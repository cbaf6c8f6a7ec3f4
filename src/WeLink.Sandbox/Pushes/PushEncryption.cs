using System.Globalization;
using Microsoft.Extensions.Options;
using WeLink.Sandbox.Hosting;
using WeLink.Wechat.Crypto;

namespace WeLink.Sandbox.Pushes;

/// <summary>An encrypted push ready to POST: path and query relative to WeLink's base URL, and the body.</summary>
public sealed record SealedPush(string PathAndQuery, string Body, string ReceiveId);

/// <summary>
/// Seals pushes exactly as the platforms do: the component's key and appid for both component URLs,
/// the suite's key with the suite id for instructions and the authorizing corpid for data (protocol.md §1.7).
/// </summary>
public sealed class PushEncryption(IOptions<SandboxOptions> options)
{
    private readonly WxBizMsgCrypt _component = new(options.Value.Component.Token, options.Value.Component.EncodingAesKey);
    private readonly WxBizMsgCrypt _suite = new(options.Value.Suite.Token, options.Value.Suite.EncodingAesKey);

    public SealedPush Seal(PushMessage message, DateTimeOffset now) =>
        Seal(message, now, Random.Shared.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// With the caller's nonce: a benchmark sealing hundreds of thousands of pushes in one second needs nonces that never
    /// repeat, which random ones would (WeLink refuses a repeated nonce as a replay).
    /// </summary>
    public SealedPush Seal(PushMessage message, DateTimeOffset now, string nonce)
    {
        ArgumentNullException.ThrowIfNull(message);
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var component = options.Value.Component;
        var suite = options.Value.Suite;
        return message.Target switch
        {
            PushTarget.ComponentEvents => SealComponent(
                "/wechat/component/events", message, component.AppId, timestamp, nonce, new PushXml().Text("AppId", component.AppId)),
            PushTarget.ComponentMessages => SealComponent(
                $"/wechat/component/accounts/{Uri.EscapeDataString(message.Subject!)}/messages",
                message,
                component.AppId,
                timestamp,
                nonce,
                new PushXml().Text("ToUserName", message.ToUserName)),
            PushTarget.SuiteInstructions => SealSuite("/wecom/suite/instructions", message, suite.SuiteId, timestamp, nonce),
            PushTarget.SuiteData => SealSuite(
                $"/wecom/suite/data/{Uri.EscapeDataString(message.Subject!)}", message, message.Subject!, timestamp, nonce),
            _ => throw new ArgumentOutOfRangeException(nameof(message), message.Target, "Unknown push target."),
        };
    }

    /// <summary>Reads WeLink's passive reply: plaintext "success"/empty, or an encrypted envelope.</summary>
    public string? OpenReply(PushMessage message, string? reply)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(reply) || reply.Trim() == "success")
        {
            return reply?.Trim();
        }

        var crypt = message.Target is PushTarget.ComponentEvents or PushTarget.ComponentMessages ? _component : _suite;
        var receiveId = message.Target switch
        {
            PushTarget.SuiteData => message.Subject!,
            PushTarget.SuiteInstructions => options.Value.Suite.SuiteId,
            _ => options.Value.Component.AppId,
        };
        try
        {
            var envelope = CallbackEnvelope.ParseXml(reply);
            return crypt.Decrypt(envelope.Encrypt, [receiveId]).Message;
        }
        catch (Exception failure) when (failure is WxCryptoException or WeLink.Wechat.Messages.CallbackPayloadException)
        {
            return "(unreadable reply) " + reply[..Math.Min(reply.Length, 200)];
        }
    }

    private SealedPush SealComponent(
        string path, PushMessage message, string receiveId, string timestamp, string nonce, PushXml envelopeHead)
    {
        var encrypt = _component.Encrypt(message.Plaintext, receiveId);
        var signature = PlainSignature.Compute(options.Value.Component.Token, timestamp, nonce);
        var query = $"?signature={signature}&timestamp={timestamp}&nonce={nonce}"
            + (message.OpenId is null ? "" : $"&openid={Uri.EscapeDataString(message.OpenId)}")
            + $"&encrypt_type=aes&msg_signature={_component.Sign(timestamp, nonce, encrypt)}";
        return new SealedPush(path + query, envelopeHead.Text("Encrypt", encrypt).ToString(), receiveId);
    }

    private SealedPush SealSuite(string path, PushMessage message, string receiveId, string timestamp, string nonce)
    {
        var encrypt = _suite.Encrypt(message.Plaintext, receiveId);
        var body = new PushXml()
            .Text("ToUserName", receiveId)
            .Text("Encrypt", encrypt)
            .Text("AgentID", message.AgentId ?? "");
        var query = $"?msg_signature={_suite.Sign(timestamp, nonce, encrypt)}&timestamp={timestamp}&nonce={nonce}";
        return new SealedPush(path + query, body.ToString(), receiveId);
    }
}
