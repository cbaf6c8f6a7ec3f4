namespace WeLink.Wechat.Messages;

/// <summary>A button or selection on a WeCom template card; ResponseCode allows one update within 72 h.</summary>
public sealed record TemplateCardEvent() : UserMessage(CallbackMessageKind.TemplateCardEvent)
{
    public required string EventKey { get; init; }

    public required string TaskId { get; init; }

    public string? CardType { get; init; }

    public string? ResponseCode { get; init; }

    public required IReadOnlyList<TemplateCardSelection> SelectedItems { get; init; }
}
