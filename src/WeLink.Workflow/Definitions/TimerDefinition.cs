namespace WeLink.Workflow.Definitions;

/// <summary>
/// Fires <see cref="Trigger"/> as the system actor. The timer is armed when the case enters one of <see cref="States"/> from
/// a state outside them, keeps running while the case moves among them, and is cancelled when the case leaves them.
/// </summary>
public sealed record TimerDefinition
{
    public required string Key { get; init; }

    public required IReadOnlyList<string> States { get; init; }

    public required string Trigger { get; init; }

    /// <summary>Due this long after arming: ISO-8601 (<c>PT24H</c>), a TimeSpan (<c>1.00:00:00</c>) or <c>param:&lt;name&gt;</c>.</summary>
    public string? After { get; init; }

    /// <summary>Due this long before the <see cref="Of"/> anchor; same forms as <see cref="After"/>.</summary>
    public string? Before { get; init; }

    /// <summary>Anchor of a <see cref="Before"/> timer: <c>timer:&lt;key&gt;</c> (armed in the same states) or <c>data.&lt;field&gt;</c> holding a date-time.</summary>
    public string? Of { get; init; }

    /// <summary>Unit of an int or decimal parameter used as a duration.</summary>
    public DurationUnit? Unit { get; init; }

    /// <summary>Measured in the dealer's business hours rather than on the wall clock.</summary>
    public bool BusinessTime { get; init; }

    /// <summary>Firing this timer means an SLA was missed: the case shows as breached and the breach is counted.</summary>
    public bool Breach { get; init; }

    /// <summary>Evaluated over the case data when the timer would be armed; a false guard leaves it unarmed.</summary>
    public GuardCondition? Guard { get; init; }
}
