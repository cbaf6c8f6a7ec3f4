namespace WeLink.Wechat.Messages;

/// <summary>
/// The one entry point from a decrypted callback payload (XML, or the JSON form) to a typed
/// <see cref="CallbackMessage"/>. Unknown kinds, and known kinds missing a field their model needs,
/// come back as <see cref="UnknownMessage"/> with the raw payload; only a payload that is not
/// acceptable XML/JSON (malformed, DTD or entities, over <see cref="MaxPayloadChars"/>) throws
/// <see cref="CallbackPayloadException"/>.
/// </summary>
public static class CallbackMessageParser
{
    public const int MaxPayloadChars = PayloadReader.MaxPayloadChars;

    public static CallbackMessage Parse(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var root = plaintext.AsSpan().TrimStart().StartsWith('{')
            ? PayloadReader.ReadJson(plaintext)
            : PayloadReader.ReadXml(plaintext);

        CallbackMessage message;
        try
        {
            message = ComponentPushMapper.TryMap(root)
                ?? SuiteInstructionMapper.TryMap(root)
                ?? UserMessageMapper.TryMap(root)
                ?? (CallbackMessage)Unknown(root);
        }
        catch (CallbackPayloadException)
        {
            message = Unknown(root);
        }

        return message with
        {
            RawPayload = plaintext,
            CreateTime = PayloadValues.UnixTime(root.Text("CreateTime") ?? root.Text("TimeStamp")),
            DeduplicationKey = DeduplicationKeys.For(root, plaintext),
            Addressee = root.NonEmptyText("ToUserName") ?? root.NonEmptyText("AppId") ?? root.NonEmptyText("SuiteId"),
        };
    }

    private static UnknownMessage Unknown(PayloadNode root) => new()
    {
        MsgType = root.NonEmptyText("MsgType"),
        Event = root.NonEmptyText("Event"),
        InfoType = root.NonEmptyText("InfoType"),
    };
}
