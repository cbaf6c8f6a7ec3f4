namespace WeLink.Server.Conversations;

/// <summary>A conversation row: who talks to which dealer, through which account, and where it stands.</summary>
public sealed record ConversationRow
{
    public required Guid Id { get; init; }

    public required Guid BrandId { get; init; }

    public required Guid DealerId { get; init; }

    public required Guid ConsumerId { get; init; }

    public required string AppId { get; init; }

    public required string OpenId { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public required DateTimeOffset LastInboundAt { get; init; }

    public required DateTimeOffset LastMessageAt { get; init; }

    public DateTimeOffset? WaitingSince { get; init; }

    public DateTimeOffset? NotifiedAt { get; init; }

    public DateTimeOffset? LastInvitationAt { get; init; }

    /// <summary>The complaint filed from the conversation, by the staff request keyed <see cref="CaseKey"/>.</summary>
    public Guid? CaseId { get; init; }

    public string? CaseKey { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public bool IsOpen => Status == ConversationStatus.Open;

    /// <summary>WeChat takes customer-service messages for 48 hours after the consumer's last message.</summary>
    public DateTimeOffset WindowClosesAt => LastInboundAt + ConversationWindow.Length;
}

/// <summary>One message of a conversation, either way.</summary>
public sealed record ConversationMessageRow
{
    public required Guid Id { get; init; }

    public required Guid ConversationId { get; init; }

    public required string Direction { get; init; }

    public required string Kind { get; init; }

    public string? Text { get; init; }

    public string? MediaId { get; init; }

    public Guid? StaffId { get; init; }

    public string? Delivery { get; init; }

    public required DateTimeOffset At { get; init; }
}

public static class ConversationStatus
{
    public const string Open = "open";
    public const string Closed = "closed";
}

public static class MessageDirection
{
    public const string In = "in";
    public const string Out = "out";
}

public static class MessageKind
{
    public const string Text = "text";
    public const string Image = "image";
    public const string Voice = "voice";
    public const string Template = "template";

    /// <summary>A mini-program card (a keyword reply); its text is the card's title.</summary>
    public const string Page = "page";
}

public static class MessageDelivery
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}

/// <summary>WeChat's customer-service window: replies are allowed this long after the consumer's last message.</summary>
public static class ConversationWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(48);
}
