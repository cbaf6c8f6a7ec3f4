namespace WeLink.Server.Complaints;

/// <summary>A message an action sent about a complaint.</summary>
public sealed class ComplaintMessage
{
    /// <summary><c>official-account</c> (a template message to the consumer) or <c>wecom</c> (staff).</summary>
    public string Channel { get; init; } = "";

    /// <summary>Openids or userids joined by <c>|</c>.</summary>
    public string Recipients { get; init; } = "";

    public string Summary { get; init; } = "";

    public DateTimeOffset SentAt { get; init; }
}
