namespace WeLink.Wechat.Messages;

/// <summary>
/// A decrypted callback push. Every kind keeps the payload exactly as received, so a consumer that
/// needs a field this model does not map can still read it, and nothing is ever lost.
/// </summary>
public abstract record CallbackMessage
{
    protected CallbackMessage(CallbackMessageKind kind) => Kind = kind;

    public CallbackMessageKind Kind { get; }

    /// <summary>The decrypted XML or JSON, as received.</summary>
    public string RawPayload { get; init; } = string.Empty;

    /// <summary><c>CreateTime</c>, or <c>TimeStamp</c> for WeCom instructions; null when the payload has neither.</summary>
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>
    /// Identical for WeChat's retries of one push and different for different pushes; the inbox
    /// de-duplicates on it. See <see cref="CallbackMessageParser"/> for how it is built.
    /// </summary>
    public string DeduplicationKey { get; init; } = string.Empty;
}
