namespace WeLink.Wechat.Messages;

/// <summary>A system push to the open-platform component's authorization-event URL.</summary>
public abstract record ComponentPush : CallbackMessage
{
    protected ComponentPush(CallbackMessageKind kind)
        : base(kind)
    {
    }

    /// <summary>The component's own appid.</summary>
    public string AppId { get; init; } = string.Empty;
}
