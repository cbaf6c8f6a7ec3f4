using System.Globalization;
using Microsoft.Extensions.Options;
using WeLink.Wechat.OfficialAccount;
using WeLink.Wechat.OfficialAccount.Models;
using WeLink.Wechat.WeCom;
using WeLink.Wechat.WeCom.Models;

namespace WeLink.Server.Complaints;

/// <summary>
/// Sends a complaint's messages at most once per action delivery: a message whose idempotency key is recorded is not sent
/// again, and the record is written after a successful send (a crash in between means one repeat, never a loss).
/// Consumers get a template message from the dealer's own official account; staff get WeCom app messages.
/// </summary>
public sealed class ComplaintMessenger(
    ComplaintStore store,
    ComplaintParties parties,
    OfficialAccountClient accounts,
    CorpClient corps,
    IOptionsMonitor<ComplaintsOptions> options,
    TimeProvider time)
{
    public const string ConsumerChannel = "official-account";
    public const string StaffChannel = "wecom";

    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public async Task SendToConsumerAsync(ComplaintPayload complaint, string headline, string status, string remark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (await store.WasSentAsync(complaint.IdempotencyKey, cancellationToken))
        {
            return;
        }

        var address = await parties.ConsumerAsync(complaint.ConsumerId, cancellationToken)
            ?? throw new InvalidOperationException("The consumer's dealer account is not linked; the message waits until it is.");
        var settings = options.CurrentValue;
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), ChinaTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var request = new MessageTemplateSendRequest
        {
            Touser = address.OpenId,
            TemplateId = settings.StatusTemplateId,
            Url = settings.ConsumerPage.Length == 0 ? null : settings.ConsumerPage.Replace("{id}", complaint.CaseId.ToString(), StringComparison.Ordinal),
            ClientMsgId = complaint.IdempotencyKey,
            Data = new Dictionary<string, TemplateDataValue>
            {
                ["first"] = new() { Value = headline },
                ["keyword1"] = new() { Value = complaint.Category },
                ["keyword2"] = new() { Value = status },
                ["keyword3"] = new() { Value = now },
                ["remark"] = new() { Value = remark },
            },
        };
        await accounts.SendTemplateMessageAsync(address.AppId, request, cancellationToken);
        await store.RecordSentAsync(complaint.IdempotencyKey, complaint.CaseId, ConsumerChannel, [address.OpenId], $"{headline} ({status})", time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Sends to the given userids of the case's dealer corp; nobody to send to is not an error (nothing is sent).</summary>
    public async Task SendToStaffAsync(
        ComplaintPayload complaint, Guid dealerId, IReadOnlyList<string> userIds, string summary, Func<string, long, MessageSendRequest> message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(message);
        if (userIds.Count == 0 || await store.WasSentAsync(complaint.IdempotencyKey, cancellationToken))
        {
            return;
        }

        var corp = await parties.CorpAsync(dealerId, cancellationToken)
            ?? throw new InvalidOperationException("The dealer's WeCom corp is not linked; the message waits until it is.");
        await corps.SendMessageAsync(corp.CorpId, message(string.Join('|', userIds), corp.AgentId), cancellationToken);
        await store.RecordSentAsync(complaint.IdempotencyKey, complaint.CaseId, StaffChannel, userIds, summary, time.GetUtcNow(), cancellationToken);
    }
}
