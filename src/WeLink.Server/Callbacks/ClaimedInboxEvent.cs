namespace WeLink.Server.Callbacks;

/// <summary>An inbox row a dispatcher has claimed; <see cref="Attempts"/> already counts this delivery.</summary>
public sealed class ClaimedInboxEvent
{
    public Guid Id { get; init; }

    public string Channel { get; init; } = "";

    public string? TargetId { get; init; }

    public string Payload { get; init; } = "";

    public DateTimeOffset ReceivedAt { get; init; }

    public int Attempts { get; init; }
}
