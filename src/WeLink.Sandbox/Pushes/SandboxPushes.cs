using System.Threading.Channels;
using Microsoft.Extensions.Options;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Hosting;
using WeLink.Sandbox.Time;

namespace WeLink.Sandbox.Pushes;

/// <summary>Builds the platform pushes (protocol.md §2.1, §2.4, §3.1, §3.3) and queues them for delivery.</summary>
public sealed class SandboxPushes(IOptions<SandboxOptions> options, SandboxCredentials credentials, PushLog log, SandboxClock clock)
{
    private readonly Channel<PushRecord> _queue = Channel.CreateUnbounded<PushRecord>();

    public ChannelReader<PushRecord> Queue => _queue.Reader;

    public (PushRecord Push, string Ticket) PushComponentVerifyTicket()
    {
        var ticket = credentials.Tickets.Issue(TicketKind.ComponentVerifyTicket);
        var xml = new PushXml()
            .Text("AppId", options.Value.Component.AppId)
            .Number("CreateTime", Now)
            .Text("InfoType", "component_verify_ticket")
            .Text("ComponentVerifyTicket", ticket);
        return (Enqueue(new PushMessage(PushTarget.ComponentEvents, "component_verify_ticket", xml.ToString())), ticket);
    }

    public (PushRecord Push, string Ticket) PushSuiteTicket()
    {
        var ticket = credentials.Tickets.Issue(TicketKind.SuiteTicket);
        var xml = new PushXml()
            .Text("SuiteId", options.Value.Suite.SuiteId)
            .Text("InfoType", "suite_ticket")
            .Number("TimeStamp", Now)
            .Text("SuiteTicket", ticket);
        return (Enqueue(new PushMessage(PushTarget.SuiteInstructions, "suite_ticket", xml.ToString())), ticket);
    }

    /// <summary>authorized / updateauthorized carry a fresh authorization code; unauthorized carries none.</summary>
    public PushRecord PushAuthorizationEvent(string infoType, string authorizerAppId, string? authorizationCode, string? preAuthCode)
    {
        var xml = new PushXml()
            .Text("AppId", options.Value.Component.AppId)
            .Number("CreateTime", Now)
            .Text("InfoType", infoType)
            .Text("AuthorizerAppid", authorizerAppId);
        if (authorizationCode is not null)
        {
            xml.Text("AuthorizationCode", authorizationCode)
                .Number("AuthorizationCodeExpiredTime", (clock.GetUtcNow() + TimeSpan.FromSeconds(600)).ToUnixTimeSeconds())
                .Text("PreAuthCode", preAuthCode ?? "");
        }

        return Enqueue(new PushMessage(PushTarget.ComponentEvents, infoType, xml.ToString()));
    }

    public PushRecord PushCreateAuth(string authCode, string state)
    {
        var xml = new PushXml()
            .Text("SuiteId", options.Value.Suite.SuiteId)
            .Text("AuthCode", authCode)
            .Text("InfoType", "create_auth")
            .Number("TimeStamp", Now)
            .Text("State", state);
        return Enqueue(new PushMessage(PushTarget.SuiteInstructions, "create_auth", xml.ToString()));
    }

    /// <summary>change_auth and cancel_auth.</summary>
    public PushRecord PushCorpAuthChange(string infoType, string corpId)
    {
        var xml = new PushXml()
            .Text("SuiteId", options.Value.Suite.SuiteId)
            .Text("InfoType", infoType)
            .Number("TimeStamp", Now)
            .Text("AuthCorpId", corpId);
        return Enqueue(new PushMessage(PushTarget.SuiteInstructions, infoType, xml.ToString()));
    }

    /// <summary>change_contact; <paramref name="fields"/> are the member or department fields after ChangeType.</summary>
    public PushRecord PushChangeContact(string corpId, string changeType, PushXml fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var xml = new PushXml()
            .Text("SuiteId", options.Value.Suite.SuiteId)
            .Text("AuthCorpId", corpId)
            .Text("InfoType", "change_contact")
            .Number("TimeStamp", Now)
            .Text("ChangeType", changeType)
            .Merge(fields);
        return Enqueue(new PushMessage(PushTarget.SuiteInstructions, "change_contact", xml.ToString()));
    }

    /// <summary>
    /// change_external_contact to the suite's instruction URL, where WeCom sends a third-party app's customer events
    /// (doc 92277); <paramref name="fields"/> are those after ExternalUserID (State, WelcomeCode…).
    /// </summary>
    public PushRecord PushChangeExternalContact(string corpId, string changeType, string userId, string externalUserId, PushXml fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var xml = new PushXml()
            .Text("SuiteId", options.Value.Suite.SuiteId)
            .Text("AuthCorpId", corpId)
            .Text("InfoType", "change_external_contact")
            .Number("TimeStamp", Now)
            .Text("ChangeType", changeType)
            .Text("UserID", userId)
            .Text("ExternalUserID", externalUserId)
            .Merge(fields);
        return Enqueue(new PushMessage(PushTarget.SuiteInstructions, "change_external_contact", xml.ToString()));
    }

    /// <summary>A consumer's message or event to an authorized account, posted to the component message URL.</summary>
    public PushRecord PushToAccount(string appId, string originalId, string openId, string kind, string plaintext) =>
        Enqueue(new PushMessage(PushTarget.ComponentMessages, kind, plaintext, appId, originalId, OpenId: openId));

    /// <summary>A staff member's message or event in an authorized corp, posted to the suite data URL.</summary>
    public PushRecord PushToCorp(string corpId, int agentId, string kind, string plaintext) =>
        Enqueue(new PushMessage(PushTarget.SuiteData, kind, plaintext, corpId, corpId, agentId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    private PushRecord Enqueue(PushMessage message)
    {
        var record = log.Add(message);
        _queue.Writer.TryWrite(record);
        return record;
    }
}
