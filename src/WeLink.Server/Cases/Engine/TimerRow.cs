namespace WeLink.Server.Cases.Engine;

/// <summary>A row of <c>case_timers</c>.</summary>
internal sealed class TimerRow
{
    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    public string Key { get; init; } = "";

    public string Trigger { get; init; } = "";

    public bool Breach { get; init; }

    public DateTimeOffset DueAt { get; init; }
}
