namespace WeLink.Wechat.Messages;

/// <summary>Maps MsgType messages and events from official-account followers and WeCom members.</summary>
internal static class UserMessageMapper
{
    public static UserMessage? TryMap(PayloadNode root)
    {
        UserMessage? message = root.Text("MsgType") switch
        {
            "text" => new TextMessage { Content = root.Text("Content") ?? string.Empty, MsgId = root.RequiredText("MsgId") },
            "image" => new ImageMessage { MediaId = root.RequiredText("MediaId"), PicUrl = root.NonEmptyText("PicUrl"), MsgId = root.RequiredText("MsgId") },
            "voice" => new VoiceMessage { MediaId = root.RequiredText("MediaId"), Format = root.NonEmptyText("Format"), MsgId = root.RequiredText("MsgId") },
            "event" => MapEvent(root),
            _ => null,
        };
        return message is null
            ? null
            : message with
            {
                ToUserName = root.RequiredText("ToUserName"),
                FromUserName = root.RequiredText("FromUserName"),
                AgentId = root.NonEmptyText("AgentID"),
            };
    }

    // Official accounts spell some events in capitals (SCAN, CLICK, VIEW), WeCom in lowercase.
    private static UserMessage? MapEvent(PayloadNode root) => root.RequiredText("Event").ToUpperInvariant() switch
    {
        "SUBSCRIBE" => new SubscribeEvent { EventKey = root.NonEmptyText("EventKey"), Ticket = root.NonEmptyText("Ticket") },
        "UNSUBSCRIBE" => new UnsubscribeEvent(),
        "SCAN" => new ScanEvent { EventKey = root.RequiredText("EventKey"), Ticket = root.NonEmptyText("Ticket") },
        "CLICK" => new MenuClickEvent { EventKey = root.RequiredText("EventKey") },
        "VIEW" => new MenuViewEvent { EventKey = root.RequiredText("EventKey"), MenuId = root.NonEmptyText("MenuId") },
        "TEMPLATESENDJOBFINISH" => new TemplateSendJobFinishEvent
        {
            MsgId = root.RequiredText("MsgID"),
            Status = root.RequiredText("Status"),
        },
        "SUBSCRIBE_MSG_POPUP_EVENT" => SubscribeMessage(root, CallbackMessageKind.SubscribeMessagePopup, "SubscribeMsgPopupEvent"),
        "SUBSCRIBE_MSG_CHANGE_EVENT" => SubscribeMessage(root, CallbackMessageKind.SubscribeMessageChange, "SubscribeMsgChangeEvent"),
        "SUBSCRIBE_MSG_SENT_EVENT" => SubscribeMessage(root, CallbackMessageKind.SubscribeMessageSent, "SubscribeMsgSentEvent"),
        "TEMPLATE_CARD_EVENT" => TemplateCard(root),
        "ENTER_AGENT" => new EnterAgentEvent { EventKey = root.NonEmptyText("EventKey") },
        _ => null,
    };

    private static SubscribeMessageEvent SubscribeMessage(PayloadNode root, CallbackMessageKind kind, string containerName)
    {
        // XML nests the List elements in a container; the JSON form puts List at the top level. A change event may come in
        // the popup event's container (protocol-wave2.md §2.5: one official sample does it).
        var container = root.Child(containerName) ?? root.Child("SubscribeMsgPopupEvent") ?? root;
        var items = container.ChildrenNamed("List")
            .Select(item => new SubscribeMessageItem(
                item.RequiredText("TemplateId"),
                item.NonEmptyText("SubscribeStatusString"),
                item.NonEmptyText("PopupScene"),
                item.NonEmptyText("MsgID"),
                item.NonEmptyText("ErrorCode"),
                item.NonEmptyText("ErrorStatus")))
            .ToList();
        return new SubscribeMessageEvent(kind) { Items = items };
    }

    private static TemplateCardEvent TemplateCard(PayloadNode root) => new()
    {
        EventKey = root.RequiredText("EventKey"),
        TaskId = root.RequiredText("TaskId"),
        CardType = root.NonEmptyText("CardType"),
        ResponseCode = root.NonEmptyText("ResponseCode"),
        SelectedItems = root.Child("SelectedItems") is { } selected
            ? selected.ChildrenNamed("SelectedItem").Select(Selection).ToList()
            : [],
    };

    // The official samples (and SKIT) spell the option elements "OpitonIds/OpitonId"; accept both.
    private static TemplateCardSelection Selection(PayloadNode item)
    {
        var options = item.Child("OptionIds") ?? item.Child("OpitonIds");
        var ids = options is null
            ? []
            : options.Children.Where(child => child.Name is "OptionId" or "OpitonId").Select(child => child.Value).ToList();
        return new TemplateCardSelection(item.RequiredText("QuestionKey"), ids);
    }
}
