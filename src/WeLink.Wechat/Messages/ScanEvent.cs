namespace WeLink.Wechat.Messages;

/// <summary>An existing follower scanned a parametric QR code (SCAN); EventKey is the bare scene value.</summary>
public sealed record ScanEvent() : UserMessage(CallbackMessageKind.Scan)
{
    public required string EventKey { get; init; }

    public string? Ticket { get; init; }
}
