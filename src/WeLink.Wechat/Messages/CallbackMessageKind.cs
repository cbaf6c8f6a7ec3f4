namespace WeLink.Wechat.Messages;

public enum CallbackMessageKind
{
    Unknown = 0,

    // Open-platform component system pushes (authorization-event URL, InfoType).
    ComponentVerifyTicket,
    Authorized,
    UpdateAuthorized,
    Unauthorized,

    // Messages and events from people: official-account followers and WeCom members.
    Text,
    Image,
    Voice,
    Subscribe,
    Unsubscribe,
    Scan,
    MenuClick,
    MenuView,
    TemplateSendJobFinish,
    SubscribeMessagePopup,
    SubscribeMessageChange,
    SubscribeMessageSent,
    TemplateCardEvent,
    EnterAgent,

    // WeCom suite instructions (instruction URL, InfoType).
    SuiteTicket,
    CreateAuth,
    ChangeAuth,
    CancelAuth,
    ResetPermanentCode,
    ChangeContact,
    ChangeExternalContact,
}
