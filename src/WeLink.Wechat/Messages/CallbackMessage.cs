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

    /// <summary>
    /// Whom the push is addressed to, read from the payload itself: <c>ToUserName</c> of a message or event (the
    /// account's original id gh_…, or the corpid), else <c>AppId</c> of a component push, else <c>SuiteId</c> of a
    /// suite instruction; null when the payload names none. A receiver compares it with the URL the push came to.
    /// </summary>
    public string? Addressee { get; init; }
}
