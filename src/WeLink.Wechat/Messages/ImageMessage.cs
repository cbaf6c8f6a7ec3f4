namespace WeLink.Wechat.Messages;

/// <summary>A picture from an official-account follower or a WeCom member; the bytes are fetched by <see cref="MediaId"/>.</summary>
public sealed record ImageMessage() : UserMessage(CallbackMessageKind.Image)
{
    public required string MediaId { get; init; }

    /// <summary>WeChat's own link to the picture (not for showing to others: it needs no token but may expire).</summary>
    public string? PicUrl { get; init; }

    public required string MsgId { get; init; }
}
