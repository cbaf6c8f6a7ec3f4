using WeLink.Wechat.Messages;

namespace WeLink.Wechat.Crypto;

/// <summary>
/// The outer, still-encrypted body of a callback POST. Component system pushes carry <c>AppId</c>
/// instead of <c>ToUserName</c>; WeCom adds <c>AgentID</c> (empty for instruction callbacks). Field
/// names are matched without regard to case: WeCom's JSON callbacks spell them <c>tousername</c>,
/// <c>encrypt</c>, <c>agentid</c>, mini-programs <c>ToUserName</c>, <c>Encrypt</c>.
/// </summary>
public sealed record CallbackEnvelope(string? ToUserName, string? AppId, string? AgentId, string Encrypt)
{
    /// <summary>Parses the XML body with the secure reader; throws <see cref="WxCryptoException"/> (-40002).</summary>
    public static CallbackEnvelope ParseXml(string body) => FromPayload(() => PayloadReader.ReadXml(body));

    /// <summary>Parses the JSON body; throws <see cref="WxCryptoException"/> (-40002).</summary>
    public static CallbackEnvelope ParseJson(string body) => FromPayload(() => PayloadReader.ReadJson(body));

    private static CallbackEnvelope FromPayload(Func<PayloadNode> read)
    {
        PayloadNode root;
        try
        {
            root = read();
        }
        catch (CallbackPayloadException ex)
        {
            throw new WxCryptoException(WxCryptoError.ParseError, ex);
        }

        var encrypt = Field(root, "Encrypt") ?? throw new WxCryptoException(WxCryptoError.ParseError);
        return new CallbackEnvelope(Field(root, "ToUserName"), Field(root, "AppId"), Field(root, "AgentID"), encrypt);
    }

    private static string? Field(PayloadNode root, string name) =>
        root.Child(name, StringComparison.OrdinalIgnoreCase)?.Value is { Length: > 0 } value ? value : null;
}
