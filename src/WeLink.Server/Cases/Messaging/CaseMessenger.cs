using System.Globalization;
using Microsoft.Extensions.Options;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Wechat.Http;
using WeLink.Wechat.OfficialAccount;
using WeLink.Wechat.OfficialAccount.Models;
using WeLink.Wechat.WeCom;
using WeLink.Wechat.WeCom.Models;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// Sends a case's messages at most once per idempotency key, recorded in <see cref="CaseMessageLedger"/>: consumers get a
/// template message from the dealer's own official account (with the account's own id for the status template, see
/// <see cref="AccountTemplates"/>), staff a WeCom message or template card through the dealer's corp. A delivery that finds its key sent sends nothing; a crash between the send and the ledger's mark repeats the
/// message once at the most.
/// </summary>
public sealed partial class CaseMessenger(
    CaseMessageLedger ledger,
    MessageAddresses addresses,
    AccountTemplates templates,
    IDealerDirectory dealers,
    OfficialAccountClient accounts,
    CorpClient corps,
    IOptionsMonitor<CaseMessagingOptions> options,
    TimeProvider time,
    ILogger<CaseMessenger> logger)
{
    public const string ConsumerChannel = "official-account";
    public const string StaffChannel = "wecom";

    /// <summary>WeChat's errcode for a template id the account does not have (any more).</summary>
    private const int UnknownTemplate = 40037;

    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public async Task SendToConsumerAsync(ConsumerMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var address = await addresses.ConsumerAsync(message.ConsumerId, cancellationToken)
            ?? throw new InvalidOperationException("The consumer's dealer account is not linked; the message waits until it is.");
        var settings = options.CurrentValue;
        var template = settings.StatusTemplate;
        var templateId = await templates.IdAsync(address.AppId, template.LibraryId, [.. template.Keywords.Select(k => k.Name)], cancellationToken);
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), ChinaTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var page = settings.ConsumerPages.GetValueOrDefault(message.DefinitionKey);
        var request = new MessageTemplateSendRequest
        {
            Touser = address.OpenId,
            TemplateId = templateId,
            Url = page?.Replace("{id}", message.CaseId.ToString(), StringComparison.Ordinal),
            ClientMsgId = message.IdempotencyKey,
            Data = new Dictionary<string, TemplateDataValue>
            {
                [template.Subject.Key] = Value(template.Subject, message.Subject),
                [template.Status.Key] = Value(template.Status, message.Status),
                [template.Time.Key] = Value(template.Time, now),
                [template.Headline.Key] = Value(template.Headline, message.Headline),
                [template.Detail.Key] = Value(template.Detail, message.Remark.Length > 0 ? message.Remark : "点击查看详情"),
            },
        };
        var claim = Claim(message.IdempotencyKey, message.CaseId, ConsumerChannel, [address.OpenId], $"{message.Summary} ({message.Status})");
        await SendOnceAsync(claim, async ct =>
        {
            try
            {
                await accounts.SendTemplateMessageAsync(address.AppId, request, ct);
            }
            catch (WechatApiException e) when (e.Errcode == UnknownTemplate)
            {
                await templates.ForgetAsync(address.AppId, templateId, CancellationToken.None);
                throw;
            }
        }, cancellationToken);
    }

    private static TemplateDataValue Value(TemplateKeyword keyword, string value) => new() { Value = TemplateValue.Fit(keyword.Key, value) };

    /// <summary>Sends to the given userids of the dealer's corp; nobody to send to is not an error (nothing is sent).</summary>
    public async Task SendToStaffAsync(StaffMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.UserIds.Count == 0)
        {
            LogNobodyToTell(message.CaseId, message.Summary);
            return;
        }

        var corp = await dealers.ActiveCorpAsync(message.DealerId, cancellationToken)
            ?? throw new InvalidOperationException("The dealer's WeCom corp is not linked; the message waits until it is.");
        var request = message.Build(string.Join('|', message.UserIds), corp.AgentId);
        var claim = Claim(message.IdempotencyKey, message.CaseId, StaffChannel, message.UserIds, message.Summary);
        await SendOnceAsync(claim, ct => corps.SendMessageAsync(corp.CorpId, request, ct), cancellationToken);
    }

    private CaseMessageClaim Claim(string key, Guid caseId, string channel, IReadOnlyList<string> recipients, string summary) =>
        new(key, caseId, channel, string.Join('|', recipients), summary, time.GetUtcNow());

    private async Task SendOnceAsync(CaseMessageClaim claim, Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        var staleBefore = claim.ClaimedAt - options.CurrentValue.SendLease;
        if (!await ledger.TryClaimAsync(claim, staleBefore, cancellationToken))
        {
            await ExplainRefusedClaimAsync(claim, staleBefore, cancellationToken);
            return;
        }

        try
        {
            await send(cancellationToken);
        }
        catch (WechatApiException)
        {
            // The platform answered and refused: nothing went out, so the next delivery is a first try, not a repeat.
            await ledger.ReleaseAsync(claim.IdempotencyKey, CancellationToken.None);
            throw;
        }

        await ledger.MarkSentAsync(claim.IdempotencyKey, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Sent already, or repeated once already: done. Claimed by a sender still within its lease: try again later.</summary>
    private async Task ExplainRefusedClaimAsync(CaseMessageClaim claim, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        var row = await ledger.FindAsync(claim.IdempotencyKey, cancellationToken);
        if (row is null || row.Status == "sent")
        {
            return;
        }

        if (row.ClaimedAt >= staleBefore)
        {
            throw new InvalidOperationException("Another delivery of this message is sending it; try again after its lease.");
        }

        LogGivenUp(claim.CaseId, claim.Summary, row.Attempts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId}: nobody to tell ({Summary})")]
    private partial void LogNobodyToTell(Guid caseId, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId}: '{Summary}' was claimed {Attempts} times without being marked sent; it is not sent again")]
    private partial void LogGivenUp(Guid caseId, string summary, long attempts);
}

/// <summary>A template message to the case's consumer; <see cref="Summary"/> names it in the ledger.</summary>
public sealed record ConsumerMessage(
    string IdempotencyKey, Guid CaseId, string DefinitionKey, Guid ConsumerId, string Summary, string Headline, string Subject, string Status, string Remark);

/// <summary>A WeCom message to staff of the case's dealer; <see cref="Build"/> makes it for the joined userids and the agent.</summary>
public sealed record StaffMessage(
    string IdempotencyKey, Guid CaseId, Guid DealerId, IReadOnlyList<string> UserIds, string Summary, Func<string, long, MessageSendRequest> Build);
