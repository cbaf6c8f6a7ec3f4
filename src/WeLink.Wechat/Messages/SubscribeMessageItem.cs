namespace WeLink.Wechat.Messages;

/// <summary>
/// One template of a subscribe-message event. Popup and change events fill SubscribeStatus (accept /
/// reject); sent events fill MsgId, ErrorCode and ErrorStatus.
/// </summary>
public sealed record SubscribeMessageItem(
    string TemplateId,
    string? SubscribeStatus,
    string? PopupScene,
    string? MsgId,
    string? ErrorCode,
    string? ErrorStatus);
