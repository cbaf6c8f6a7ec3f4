namespace WeLink.Wechat.Messages;

/// <summary>A message or event from a person: an official-account follower or a WeCom member.</summary>
public abstract record UserMessage : CallbackMessage
{
    protected UserMessage(CallbackMessageKind kind)
        : base(kind)
    {
    }

    /// <summary>The official account's original id (gh_…) or the WeCom corpid.</summary>
    public string ToUserName { get; init; } = string.Empty;

    /// <summary>The follower's openid or the member's userid.</summary>
    public string FromUserName { get; init; } = string.Empty;

    /// <summary>The WeCom agent the member used; null for official accounts.</summary>
    public string? AgentId { get; init; }
}
