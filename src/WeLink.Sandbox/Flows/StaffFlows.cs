using System.Globalization;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Pushes;
using WeLink.Sandbox.Recording;
using WeLink.Sandbox.Time;
using WeLink.Sandbox.Wecom;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Flows;

/// <summary>What staff do in WeCom, and what WeCom pushes to the suite's URLs about it.</summary>
public sealed class StaffFlows(
    SandboxWorld world, SandboxCredentials credentials, SandboxPushes pushes, MessageLog messages, SandboxClock clock, ClientBridgeBook clients)
{
    private long _nextMsgId = 7_000_000_000_000_000_000;

    /// <summary>A button on an interactive card WeLink sent this staff member: template_card_event with a fresh response_code.</summary>
    public PushRecord PressCardButton(string corpId, string userId, string taskId, string eventKey)
    {
        var installation = LiveInstallation(corpId);
        var card = messages.All().LastOrDefault(m =>
            m.Api == "wecom/message/send"
            && m.Sender == corpId
            && m.Recipients.Contains(userId)
            && m.Body.ObjectField("template_card")?.TextField("task_id") == taskId)
            ?? throw new WorldException($"Staff member '{userId}' received no card with task_id '{taskId}'.");
        var cardType = card.Body.ObjectField("template_card")?.TextField("card_type") ?? "";
        var responseCode = credentials.CardResponseCodes.Issue(new CardResponseGrant(corpId, card.MsgId), CorpEndpoints.ResponseCodeLifetime);
        var agentId = installation.AgentId.ToString(CultureInfo.InvariantCulture);
        var xml = new PushXml()
            .Text("ToUserName", corpId)
            .Text("FromUserName", userId)
            .Number("CreateTime", clock.GetUtcNow().ToUnixTimeSeconds())
            .Text("MsgType", "event")
            .Text("Event", "template_card_event")
            .Text("EventKey", eventKey)
            .Text("TaskId", taskId)
            .Text("CardType", cardType)
            .Text("ResponseCode", responseCode)
            .Text("AgentID", agentId);
        return pushes.PushToCorp(corpId, installation.AgentId, "template_card_event", xml.ToString());
    }

    /// <summary>The staff member opens the app (enter_agent) or writes to it (text); both reach the data URL.</summary>
    public PushRecord MessageApp(string corpId, string userId, string? content)
    {
        var installation = LiveInstallation(corpId);
        if (world.FindStaff(corpId, userId) is null)
        {
            throw new WorldException($"Corp '{corpId}' has no staff member '{userId}'.");
        }

        var xml = new PushXml()
            .Text("ToUserName", corpId)
            .Text("FromUserName", userId)
            .Number("CreateTime", clock.GetUtcNow().ToUnixTimeSeconds());
        var kind = content is null ? "enter_agent" : "text";
        if (content is null)
        {
            xml.Text("MsgType", "event").Text("Event", "enter_agent").Text("EventKey", "");
        }
        else
        {
            xml.Text("MsgType", "text").Text("Content", content).Number("MsgId", Interlocked.Increment(ref _nextMsgId));
        }

        xml.Number("AgentID", installation.AgentId);
        return pushes.PushToCorp(corpId, installation.AgentId, kind, xml.ToString());
    }

    /// <summary>A contact change in the corp's directory: the member is added to the world, then change_contact is pushed.</summary>
    public PushRecord AddMember(string corpId, string name, int departmentId, string position, string mobile)
    {
        var member = world.AddStaff(corpId, name, departmentId, position, mobile);
        var fields = new PushXml()
            .Text("UserID", member.UserId)
            .Text("OpenUserID", member.OpenUserId)
            .Text("Name", member.Name)
            .Text("Department", departmentId.ToString(CultureInfo.InvariantCulture))
            .Text("MainDepartment", departmentId.ToString(CultureInfo.InvariantCulture))
            .Text("Position", member.Position);
        return pushes.PushChangeContact(corpId, "create_user", fields);
    }

    /// <summary>The member's name or position changed in the corp's directory: update_user is pushed.</summary>
    public PushRecord UpdateMember(string corpId, string userId, string? name, string? position)
    {
        var member = world.UpdateStaff(corpId, userId, name, position);
        var fields = new PushXml()
            .Text("UserID", member.UserId)
            .Text("OpenUserID", member.OpenUserId)
            .Text("Name", member.Name)
            .Text("Position", member.Position);
        return pushes.PushChangeContact(corpId, "update_user", fields);
    }

    /// <summary>The member left the corp: removed from the world, then delete_user is pushed.</summary>
    public PushRecord RemoveMember(string corpId, string userId)
    {
        var member = world.RemoveStaff(corpId, userId);
        var fields = new PushXml().Text("UserID", member.UserId).Text("OpenUserID", member.OpenUserId);
        return pushes.PushChangeContact(corpId, "delete_user", fields);
    }

    /// <summary>
    /// Sets what the member's WeCom client answers the app from now on (<see cref="ClientBridgeBook"/>): the chat's external
    /// contact (one the member has added), the picker's selection (the corp's contacts), the next scan; null keeps a choice.
    /// </summary>
    public ClientChoices ChooseClient(string corpId, string userId, string? chatExternalUserId, IReadOnlyList<string>? selectedExternalUserIds, string? scanResult)
    {
        if (world.FindStaff(corpId, userId) is null)
        {
            throw new WorldException($"Corp '{corpId}' has no staff member '{userId}'.");
        }

        if (chatExternalUserId is { } chat && world.FindExternalContact(corpId, chat)?.FollowUserIds.Contains(userId) != true)
        {
            throw new WorldException($"'{chat}' is not an external contact staff member '{userId}' has added in corp '{corpId}'.");
        }

        if (selectedExternalUserIds?.FirstOrDefault(id => world.FindExternalContact(corpId, id) is null) is { } unknown)
        {
            throw new WorldException($"'{unknown}' is not an external contact of corp '{corpId}'.");
        }

        return clients.Choose(corpId, userId, chatExternalUserId, selectedExternalUserIds, scanResult);
    }

    /// <summary>
    /// The member chats with a consumer on WeCom (adding them as an external contact first, as the consumer adding the
    /// member would), so the app opened from the chat toolbar now finds that contact.
    /// </summary>
    public ExternalContact OpenChat(string corpId, string userId, string consumerId)
    {
        var (contact, _) = AddExternalContact(corpId, userId, consumerId, state: null);
        ChooseClient(corpId, userId, contact.ExternalUserId, null, null);
        return contact;
    }

    /// <summary>
    /// The member adds the consumer as a customer (add_external_contact with the "联系我" state and a WelcomeCode); no
    /// push when they had already. WeCom pushes customer events only to an app installed in the corp.
    /// </summary>
    public (ExternalContact Contact, PushRecord? Push) AddExternalContact(string corpId, string userId, string consumerId, string? state)
    {
        var (contact, added) = world.AddFollow(corpId, consumerId, userId);
        var fields = new PushXml().Text("State", state).Text("WelcomeCode", OpaqueIds.Secret(43));
        return (contact, added ? PushCustomerEvent(corpId, "add_external_contact", userId, contact.ExternalUserId, fields) : null);
    }

    /// <summary>The member changes their remark on the customer: edit_external_contact.</summary>
    public (ExternalContact Contact, PushRecord? Push) EditExternalContact(string corpId, string userId, string externalUserId, string remark)
    {
        var contact = world.SetRemark(corpId, externalUserId, userId, remark);
        return (contact, PushCustomerEvent(corpId, "edit_external_contact", userId, externalUserId, new PushXml()));
    }

    /// <summary>
    /// The relation ends: the member deletes the customer (del_external_contact) or the customer deletes the member
    /// (del_follow_user). The sandbox ends it on both sides either way; WeCom may still list the customer to a member the
    /// customer deleted.
    /// </summary>
    public (ExternalContact Contact, PushRecord? Push) DeleteExternalContact(string corpId, string userId, string externalUserId, bool byCustomer)
    {
        var contact = world.RemoveFollow(corpId, externalUserId, userId);
        return (contact, PushCustomerEvent(corpId, byCustomer ? "del_follow_user" : "del_external_contact", userId, externalUserId, new PushXml()));
    }

    private PushRecord? PushCustomerEvent(string corpId, string changeType, string userId, string externalUserId, PushXml fields) =>
        credentials.Grants.FindInstallation(corpId) is { Active: true }
            ? pushes.PushChangeExternalContact(corpId, changeType, userId, externalUserId, fields)
            : null;

    private Installation LiveInstallation(string corpId) =>
        credentials.Grants.FindInstallation(corpId) is { Active: true } live
            ? live
            : throw new WorldException($"Corp '{corpId}' has not installed the suite.");
}
