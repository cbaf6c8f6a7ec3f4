namespace WeLink.Wechat.Messages;

/// <summary>A push to the WeCom suite's instruction URL; answer <c>success</c> within 1 s.</summary>
public abstract record SuiteInstruction : CallbackMessage
{
    protected SuiteInstruction(CallbackMessageKind kind)
        : base(kind)
    {
    }

    /// <summary>The suite id (or the dk… template id of a customized app).</summary>
    public string SuiteId { get; init; } = string.Empty;
}
