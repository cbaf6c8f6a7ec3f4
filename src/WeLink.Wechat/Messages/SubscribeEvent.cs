namespace WeLink.Wechat.Messages;

/// <summary>A follow; when it came from scanning a parametric QR code, EventKey is <c>qrscene_</c> + scene.</summary>
public sealed record SubscribeEvent() : UserMessage(CallbackMessageKind.Subscribe)
{
    private const string ScenePrefix = "qrscene_";

    public string? EventKey { get; init; }

    /// <summary>The QR code ticket, present for scan-to-follow.</summary>
    public string? Ticket { get; init; }

    /// <summary>The QR scene value (EventKey without <c>qrscene_</c>), or null for a plain follow.</summary>
    public string? SceneValue =>
        EventKey is { } key && key.StartsWith(ScenePrefix, StringComparison.Ordinal) ? key[ScenePrefix.Length..] : null;
}
