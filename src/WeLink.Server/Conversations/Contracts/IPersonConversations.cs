namespace WeLink.Server.Conversations.Contracts;

/// <summary>
/// A person's conversations with the brand's dealers, found by the consumer rows behind them: what their data export and
/// their customer view show, and what their deletion erases.
/// </summary>
public interface IPersonConversations
{
    /// <summary>
    /// The conversations of these consumer rows, oldest first, each with its messages in order: all of them, or only the
    /// latest <paramref name="latestMessages"/> of each when given (a view that shows a few should not read years of talk).
    /// </summary>
    Task<IReadOnlyList<PersonConversation>> ListAsync(IReadOnlyCollection<Guid> consumerIds, int? latestMessages, CancellationToken cancellationToken);

    /// <summary>
    /// Erases what the person said and was told: every message's text and media reference, the kept pictures and voices,
    /// and the openid on the conversation. Rows, directions and times stay, so counts and response times still add up.
    /// Irreversible; repeating it changes nothing more.
    /// </summary>
    Task EraseAsync(IReadOnlyCollection<Guid> consumerIds, CancellationToken cancellationToken);
}

public sealed record PersonConversation(
    Guid Id, Guid DealerId, string Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, IReadOnlyList<PersonConversationMessage> Messages);

/// <summary>A message either way: <c>in</c> from the person, <c>out</c> from the dealer; kind text, image, voice, template or page.</summary>
public sealed record PersonConversationMessage(DateTimeOffset At, string Direction, string Kind, string? Text);
