namespace WeLink.Server.Cases.Engine;

/// <summary>A row of <c>case_history</c>: one accepted step.</summary>
public sealed class HistoryRow
{
    public long Sequence { get; init; }

    public DateTimeOffset At { get; init; }

    public string ActorKind { get; init; } = "";

    public string? ActorId { get; init; }

    public string? FromState { get; init; }

    public string ToState { get; init; } = "";

    public string Trigger { get; init; } = "";

    public string Input { get; init; } = "{}";

    public string IdempotencyKey { get; init; } = "";
}
