using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Pushes;
using WeLink.Sandbox.Time;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Flows;

/// <summary>
/// What a consumer does in an official account, and the push WeChat makes about it to the component
/// message URL. Accounts that never authorized the component change the world but push nothing.
/// </summary>
public sealed class ConsumerFlows(SandboxWorld world, SandboxCredentials credentials, SandboxPushes pushes, SandboxClock clock)
{
    private long _nextMsgId = 24_000_000_000_000_000;

    public PushRecord? Follow(string consumerId, string appId)
    {
        var (account, identity) = Resolve(consumerId, appId);
        world.SetFollow(appId, identity.OpenId, subscribed: true, "ADD_SCENE_SEARCH", qrScene: null);
        return Push(account, identity, "subscribe", Event(account, identity, "subscribe"));
    }

    public PushRecord? Unfollow(string consumerId, string appId)
    {
        var (account, identity) = Resolve(consumerId, appId);
        world.SetFollow(appId, identity.OpenId, subscribed: false, "", qrScene: null);
        return Push(account, identity, "unsubscribe", Event(account, identity, "unsubscribe"));
    }

    public PushRecord? SendText(string consumerId, string appId, string content)
    {
        var (account, identity) = Resolve(consumerId, appId);
        world.RecordInteraction(appId, identity.OpenId);
        world.RecordWritten(appId, identity.OpenId, content);
        var xml = Envelope(account, identity, "text")
            .Text("Content", content)
            .Number("MsgId", Interlocked.Increment(ref _nextMsgId));
        return Push(account, identity, "text", xml);
    }

    /// <summary>A picture or voice from the consumer's phone: kept as the account's temporary media, pushed with its media id.</summary>
    public PushRecord? SendMedia(string consumerId, string appId, string kind)
    {
        if (!ConsumerMedia.IsKind(kind))
        {
            throw new WorldException("'kind' is image or voice.");
        }

        var (account, identity) = Resolve(consumerId, appId);
        world.RecordInteraction(appId, identity.OpenId);
        var written = world.RecordWrittenMedia(appId, identity.OpenId, kind);
        var xml = Envelope(account, identity, kind);
        xml = kind == ConsumerMedia.Image
            ? xml.Text("PicUrl", $"http://mmbiz.qpic.cn/sandbox/{written.MediaId}").Text("MediaId", written.MediaId!)
            : xml.Text("MediaId", written.MediaId!).Text("Format", "amr");
        return Push(account, identity, kind, xml.Number("MsgId", Interlocked.Increment(ref _nextMsgId)));
    }

    public PushRecord? PressMenu(string consumerId, string appId, string key, string? url)
    {
        var (account, identity) = Resolve(consumerId, appId);
        world.RecordInteraction(appId, identity.OpenId);
        var xml = url is null
            ? Event(account, identity, "CLICK").Text("EventKey", key)
            : Event(account, identity, "VIEW").Text("EventKey", url);
        return Push(account, identity, url is null ? "CLICK" : "VIEW", xml);
    }

    /// <summary>A follower scanning gets SCAN; anyone else follows through the code (subscribe with qrscene_).</summary>
    public PushRecord? ScanQrCode(string consumerId, string ticket)
    {
        var qrCode = world.FindQrCode(ticket) ?? throw new WorldException("No QR code with that ticket; create one with qrcode/create.");
        if (qrCode.ExpiresAt is { } expiresAt && clock.GetUtcNow() >= expiresAt)
        {
            throw new WorldException("That QR code has expired.");
        }

        var (account, identity) = Resolve(consumerId, qrCode.AppId);
        if (world.FollowOf(account.AppId, identity.OpenId) is { Subscribed: true })
        {
            world.RecordInteraction(account.AppId, identity.OpenId);
            var scan = Event(account, identity, "SCAN").Text("EventKey", qrCode.Scene).Text("Ticket", qrCode.Ticket);
            return Push(account, identity, "SCAN", scan);
        }

        world.SetFollow(account.AppId, identity.OpenId, subscribed: true, "ADD_SCENE_QR_CODE", qrCode.Scene);
        var follow = Event(account, identity, "subscribe").Text("EventKey", "qrscene_" + qrCode.Scene).Text("Ticket", qrCode.Ticket);
        return Push(account, identity, "subscribe", follow);
    }

    /// <summary>The consumer accepts a subscribe-notice pop-up, allowing one bizsend of that template.</summary>
    public PushRecord? SubscribeToTemplate(string consumerId, string appId, string templateId)
    {
        var (account, identity) = Resolve(consumerId, appId);
        if (!account.SubscribeTemplates.Any(t => t.TemplateId == templateId))
        {
            throw new WorldException($"Account '{appId}' has no subscribe template '{templateId}'.");
        }

        world.GrantSubscription(appId, identity.OpenId, templateId);
        var item = new PushXml()
            .Text("TemplateId", templateId)
            .Text("SubscribeStatusString", "accept")
            .Number("PopupScene", 2);
        var xml = Event(account, identity, "subscribe_msg_popup_event")
            .Element("SubscribeMsgPopupEvent", new PushXml().Element("List", item));
        return Push(account, identity, "subscribe_msg_popup_event", xml);
    }

    private (OfficialAccount Account, ConsumerIdentity Identity) Resolve(string consumerId, string appId)
    {
        var account = world.FindAccount(appId) ?? throw new WorldException($"No account with appid '{appId}'.");
        return (account, world.IdentityOf(appId, consumerId));
    }

    private PushXml Envelope(OfficialAccount account, ConsumerIdentity identity, string msgType) =>
        new PushXml()
            .Text("ToUserName", account.OriginalId)
            .Text("FromUserName", identity.OpenId)
            .Number("CreateTime", clock.GetUtcNow().ToUnixTimeSeconds())
            .Text("MsgType", msgType);

    private PushXml Event(OfficialAccount account, ConsumerIdentity identity, string eventName) =>
        Envelope(account, identity, "event").Text("Event", eventName);

    private PushRecord? Push(OfficialAccount account, ConsumerIdentity identity, string kind, PushXml xml) =>
        credentials.Grants.FindAuthorization(account.AppId) is { Active: true }
            ? pushes.PushToAccount(account.AppId, account.OriginalId, identity.OpenId, kind, xml.ToString())
            : null;
}
