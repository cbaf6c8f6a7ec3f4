namespace WeLink.Server.Conversations.Api;

/// <summary>
/// A row of the conversation list. <c>WaitingSince</c> is the oldest consumer message nobody answered yet (null when
/// answered); <c>WindowClosesAt</c> the consumer's last message + 48 h, until when free-form replies are possible.
/// </summary>
public sealed record ConversationSummary(
    Guid Id,
    ConversationCustomer Customer,
    LastMessage? LastMessage,
    bool Unanswered,
    DateTimeOffset? WaitingSince,
    DateTimeOffset WindowClosesAt,
    Guid? CaseId,
    string Status);

public sealed record ConversationCustomer(Guid ConsumerId, string Name);

/// <summary>The newest message: <c>Direction</c> in (the consumer's) or out (the dealer's); <c>Kind</c> text, image, voice or template.</summary>
public sealed record LastMessage(DateTimeOffset At, string Direction, string Kind, string? Text);

/// <summary>One conversation with its messages, oldest first.</summary>
public sealed record ConversationResponse(
    Guid Id,
    string Status,
    ConversationCustomer Customer,
    bool WindowOpen,
    DateTimeOffset WindowClosesAt,
    Guid? CaseId,
    IReadOnlyList<ConversationMessage> Messages);

/// <summary>
/// A message: <c>MediaUrl</c> is where staff get a picture's or voice's bytes (null for text); <c>Staff</c> who sent a
/// reply or invitation (null for the consumer's and WeLink's own); <c>Delivery</c> sent, failed or pending for what the
/// dealer sent, null for the consumer's.
/// </summary>
public sealed record ConversationMessage(
    Guid Id, DateTimeOffset At, string Direction, string Kind, string? Text, string? MediaUrl, MessageStaff? Staff, string? Delivery);

public sealed record MessageStaff(Guid Id, string Name);

/// <summary>A reply or invitation written (or, for a repeated Idempotency-Key, the one written first).</summary>
public sealed record SentResponse(Guid MessageId, string Delivery);

public sealed record ClosedResponse(Guid Id, string Status);
