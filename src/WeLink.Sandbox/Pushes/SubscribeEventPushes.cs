using System.Globalization;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Time;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Pushes;

/// <summary>
/// The subscribe-message events WeChat pushes to an authorized mini program's message URL (protocol-wave2.md §2.5), in
/// XML with one <c>List</c> per template: the consumer's answers in the subscribe dialog, a rejection in their
/// notification settings (the only change WeChat pushes), and the outcome of each subscribe message sent.
/// </summary>
public sealed class SubscribeEventPushes(SandboxPushes pushes, SandboxCredentials credentials, SandboxClock clock)
{
    /// <summary>PopupScene 0: the dialog was opened from a mini-program page (1 and 2 are an official account's H5 and article).</summary>
    private const long MiniProgramPage = 0;

    public PushRecord? Popup(OfficialAccount miniProgram, string openId, IEnumerable<(string TemplateId, bool Accepted)> answers) =>
        Push(miniProgram, openId, "subscribe_msg_popup_event", "SubscribeMsgPopupEvent", answers.Select(a => new PushXml()
            .Text("TemplateId", a.TemplateId)
            .Text("SubscribeStatusString", a.Accepted ? "accept" : "reject")
            .Number("PopupScene", MiniProgramPage)));

    public PushRecord? SettingsRejected(OfficialAccount miniProgram, string openId, string templateId) =>
        Push(miniProgram, openId, "subscribe_msg_change_event", "SubscribeMsgChangeEvent", [new PushXml()
            .Text("TemplateId", templateId)
            .Text("SubscribeStatusString", "reject")]);

    /// <summary>A message WeChat delivered: ErrorCode 0, ErrorStatus success (the only pair the doc confirms).</summary>
    public PushRecord? Delivered(OfficialAccount miniProgram, string openId, string templateId, string msgId) =>
        Push(miniProgram, openId, "subscribe_msg_sent_event", "SubscribeMsgSentEvent", [new PushXml()
            .Text("TemplateId", templateId)
            .Number("MsgID", long.Parse(msgId, CultureInfo.InvariantCulture))
            .Number("ErrorCode", 0)
            .Text("ErrorStatus", "success")]);

    private PushRecord? Push(OfficialAccount miniProgram, string openId, string eventName, string container, IEnumerable<PushXml> items)
    {
        if (credentials.Grants.FindAuthorization(miniProgram.AppId) is not { Active: true })
        {
            return null;
        }

        var list = new PushXml();
        foreach (var item in items)
        {
            list.Element("List", item);
        }

        var xml = new PushXml()
            .Text("ToUserName", miniProgram.OriginalId)
            .Text("FromUserName", openId)
            .Number("CreateTime", clock.GetUtcNow().ToUnixTimeSeconds())
            .Text("MsgType", "event")
            .Text("Event", eventName)
            .Element(container, list);
        return pushes.PushToAccount(miniProgram.AppId, miniProgram.OriginalId, openId, eventName, xml.ToString());
    }
}
