using Microsoft.Extensions.Options;
using WeLink.Server.Cases.Contracts;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Wechat.Http;
using WeLink.Wechat.MiniProgram;
using WeLink.Wechat.MiniProgram.Models;
using WeLink.Wechat.OfficialAccount.Models;
using WeLink.Wechat.WeCom;
using WeLink.Wechat.WeCom.Models;
using WeLink.Workflow.Definitions;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// Sends a case's messages at most once per idempotency key, recorded in <see cref="CaseMessageLedger"/>. A consumer who
/// came through a dealer's official account gets a template message from that account; one who came through the brand's
/// mini program gets a subscribe message opening the request's page, or, when they have no acceptance left (43101) or
/// rejected the template (<see cref="SubscribeConsents"/>: then no subscribe message is tried) but follow the case's
/// dealer account with the same unionid, that account's template message opening the same page, or else nothing,
/// recorded as undeliverable with the reason. Template ids are the account's or mini program's own (see
/// <see cref="AccountTemplates"/>); template messages leave through <see cref="StatusTemplateMessages"/>, as other
/// features' do. Staff get a WeCom message or template card through the dealer's corp. A delivery that finds its key done
/// sends nothing; a crash between the send and the ledger's mark repeats the message once at the most. Before any of it,
/// the member's consent for the notice's purpose is asked (<see cref="IMemberConsents"/>): without it nothing is sent and
/// the ledger records the message as undeliverable with the reason.
/// </summary>
public sealed partial class CaseMessenger(
    CaseMessageLedger ledger,
    MessageAddresses addresses,
    AccountTemplates templates,
    StatusTemplateMessages statusTemplates,
    IDealerDirectory dealers,
    IBrandMiniPrograms miniPrograms,
    SubscribeConsents consents,
    IMemberConsents memberConsents,
    MiniProgramClient miniProgramClient,
    CorpClient corps,
    IOptionsMonitor<CaseMessagingOptions> options,
    TimeProvider time,
    ILogger<CaseMessenger> logger)
{
    public const string ConsumerChannel = "official-account";
    public const string MiniProgramChannel = "miniprogram";
    public const string StaffChannel = "wecom";

    /// <summary>WeChat's errcode for a template id the mini program does not have (any more).</summary>
    private const int UnknownTemplate = 40037;

    /// <summary>WeChat's errcode for a subscribe message the consumer has no acceptance left for.</summary>
    private const int NoAcceptance = 43101;

    /// <summary>WeChat's errcode for a template message to someone who does not follow the account.</summary>
    private const int NotFollowing = 43004;

    public async Task SendToConsumerAsync(ConsumerMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var consumer = await addresses.ConsumerOfAsync(message.ConsumerId, cancellationToken)
            ?? throw new InvalidOperationException("The case names a consumer WeLink does not know.");
        var miniProgram = await miniPrograms.FindByAppIdAsync(consumer.AppId, cancellationToken);
        if (await WithoutConsentAsync(message, cancellationToken) is { } reason)
        {
            var skipped = Claim(message.IdempotencyKey, message.CaseId, miniProgram is null ? ConsumerChannel : MiniProgramChannel, [consumer.OpenId], message.LedgerSummary);
            await SendOnceAsync(skipped, _ => Task.FromResult(CaseDelivery.Undeliverable(skipped, reason)), cancellationToken);
            return;
        }

        if (miniProgram is not null)
        {
            await SendFromMiniProgramAsync(message, consumer, miniProgram, cancellationToken);
            return;
        }

        var address = await addresses.ConsumerAsync(message.ConsumerId, cancellationToken)
            ?? throw new InvalidOperationException("The consumer's dealer account is not linked; the message waits until it is.");
        var template = await statusTemplates.PrepareAsync(TemplateMessage(address, message), miniProgramPage: null, cancellationToken);
        var claim = Claim(message.IdempotencyKey, message.CaseId, ConsumerChannel, [address.OpenId], message.LedgerSummary);
        await SendOnceAsync(claim, async ct =>
        {
            await statusTemplates.SendAsync(address.AppId, template, ct);
            return CaseDelivery.Sent(claim);
        }, cancellationToken);
    }

    /// <summary>
    /// Why the notice may not be sent to this consumer (a marketing notice without the member's marketing consent, any
    /// notice after the member withdrew service notifications), recorded in the ledger; null when it may.
    /// </summary>
    private async Task<string?> WithoutConsentAsync(ConsumerMessage message, CancellationToken cancellationToken)
    {
        var marketing = message.Purpose == NoticePurposes.Marketing;
        if (await memberConsents.AllowsAsync(message.ConsumerId, marketing ? ConsentPurpose.Marketing : ConsentPurpose.Service, cancellationToken))
        {
            return null;
        }

        LogWithoutConsent(message.CaseId, message.Purpose);
        return marketing ? "会员未同意接收营销信息，未发送" : "会员已撤回服务通知的同意，未发送";
    }

    /// <summary>
    /// The subscribe message, or the fallback template message, or nothing with the reason. Both template ids, the
    /// consumer's rejection and the follower are found before the claim, so a failure there leaves no claim behind.
    /// </summary>
    private async Task SendFromMiniProgramAsync(ConsumerMessage message, ConsumerAddress consumer, BrandMiniProgram miniProgram, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var page = settings.MiniProgramPages.GetValueOrDefault(message.DefinitionKey)?
            .Replace("{id}", message.CaseId.ToString(), StringComparison.Ordinal)
            .Replace("{dealerId}", message.DealerId.ToString(), StringComparison.Ordinal);
        var subscribeTemplate = miniProgram.Active ? await templates.SubscribeIdAsync(miniProgram.AppId, settings.SubscribeTemplate, cancellationToken) : null;
        var rejected = subscribeTemplate is not null && await consents.RejectedAsync(miniProgram.AppId, consumer.OpenId, subscribeTemplate, cancellationToken);
        if (rejected)
        {
            LogRejected(message.CaseId);
        }

        var follower = consumer.UnionId is { } unionId ? await addresses.FollowerAsync(message.DealerId, unionId, cancellationToken) : null;
        var fallback = follower is null ? null : await statusTemplates.PrepareAsync(
            TemplateMessage(follower, message), new MiniprogramTarget { Appid = miniProgram.AppId, Pagepath = page }, cancellationToken);
        var claim = Claim(message.IdempotencyKey, message.CaseId, MiniProgramChannel, [consumer.OpenId], message.LedgerSummary) with
        {
            TemplateId = rejected ? null : subscribeTemplate,
        };
        await SendOnceAsync(claim, async ct =>
        {
            if (subscribeTemplate is not null && !rejected)
            {
                try
                {
                    await miniProgramClient.SendSubscribeMessageAsync(miniProgram.AppId, SubscribeMessage(consumer, subscribeTemplate, page, message), ct);
                    return CaseDelivery.Sent(claim) with { TemplateId = subscribeTemplate };
                }
                catch (WechatApiException e) when (e.Errcode == UnknownTemplate)
                {
                    await templates.ForgetAsync(miniProgram.AppId, subscribeTemplate, CancellationToken.None);
                    throw;
                }
                catch (WechatApiException e) when (e.Errcode == NoAcceptance)
                {
                    LogNoAcceptance(message.CaseId, fallback is not null);
                }
            }

            if (follower is null || fallback is null)
            {
                return CaseDelivery.Undeliverable(claim, rejected ? "消费者已拒绝接收小程序消息，也未关注经销商公众号" : "消费者未订阅小程序消息，也未关注经销商公众号");
            }

            try
            {
                await statusTemplates.SendAsync(follower.AppId, fallback, ct);
                return new CaseDelivery(ConsumerChannel, follower.OpenId, null);
            }
            catch (WechatApiException e) when (e.Errcode == NotFollowing)
            {
                return CaseDelivery.Undeliverable(claim, "消费者未订阅小程序消息，且已取消关注经销商公众号");
            }
        }, cancellationToken);
    }

    private MessageSubscribeSendRequest SubscribeMessage(ConsumerAddress consumer, string templateId, string? page, ConsumerMessage message) => new()
    {
        Touser = consumer.OpenId,
        TemplateId = templateId,
        Page = page,
        Data = options.CurrentValue.SubscribeTemplate.Values(message.Text, time.GetUtcNow()).ToDictionary(v => v.Key, v => new SubscribeDataValue { Value = v.Value }),
    };

    /// <summary>The notice as the status template message to the account's follower, opening the request's web page.</summary>
    private StatusTemplateMessage TemplateMessage(ConsumerAddress address, ConsumerMessage message) => new(
        address.AppId,
        address.OpenId,
        message.Text,
        options.CurrentValue.ConsumerPages.GetValueOrDefault(message.DefinitionKey)?.Replace("{id}", message.CaseId.ToString(), StringComparison.Ordinal),
        message.IdempotencyKey);

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
        await SendOnceAsync(claim, async ct =>
        {
            await corps.SendMessageAsync(corp.CorpId, request, ct);
            return CaseDelivery.Sent(claim);
        }, cancellationToken);
    }

    private CaseMessageClaim Claim(string key, Guid caseId, string channel, IReadOnlyList<string> recipients, string summary) =>
        new(key, caseId, channel, string.Join('|', recipients), summary, time.GetUtcNow());

    private async Task SendOnceAsync(CaseMessageClaim claim, Func<CancellationToken, Task<CaseDelivery>> send, CancellationToken cancellationToken)
    {
        var staleBefore = claim.ClaimedAt - options.CurrentValue.SendLease;
        if (!await ledger.TryClaimAsync(claim, staleBefore, cancellationToken))
        {
            await ExplainRefusedClaimAsync(claim, staleBefore, cancellationToken);
            return;
        }

        CaseDelivery delivery;
        try
        {
            delivery = await send(cancellationToken);
        }
        catch (WechatApiException)
        {
            // The platform answered and refused: nothing went out, so the next delivery is a first try, not a repeat.
            await ledger.ReleaseAsync(claim.IdempotencyKey, CancellationToken.None);
            throw;
        }

        if (delivery.Reason is not null)
        {
            LogUndeliverable(claim.CaseId, claim.Summary, delivery.Reason);
        }

        await ledger.MarkDoneAsync(claim.IdempotencyKey, delivery, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Done already, or repeated once already: done. Claimed by a sender still within its lease: try again later.</summary>
    private async Task ExplainRefusedClaimAsync(CaseMessageClaim claim, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        var row = await ledger.FindAsync(claim.IdempotencyKey, cancellationToken);
        if (row is null || row.Status != CaseMessage.Sending)
        {
            return;
        }

        if (row.ClaimedAt >= staleBefore)
        {
            throw new InvalidOperationException("Another delivery of this message is sending it; try again after its lease.");
        }

        LogGivenUp(claim.CaseId, claim.Summary, row.Attempts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId}: the consumer has not consented to {Purpose} messages; nothing sent")]
    private partial void LogWithoutConsent(Guid caseId, string purpose);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId}: nobody to tell ({Summary})")]
    private partial void LogNobodyToTell(Guid caseId, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId}: the consumer has no subscribe-message acceptance left; falling back to the dealer account: {HasFallback}")]
    private partial void LogNoAcceptance(Guid caseId, bool hasFallback);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId}: the consumer rejected the subscribe template; no subscribe message is tried")]
    private partial void LogRejected(Guid caseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId}: '{Summary}' cannot reach the consumer: {Reason}")]
    private partial void LogUndeliverable(Guid caseId, string summary, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId}: '{Summary}' was claimed {Attempts} times without being marked sent; it is not sent again")]
    private partial void LogGivenUp(Guid caseId, string summary, long attempts);
}

/// <summary>
/// A notice to the case's consumer; <see cref="Summary"/> names it in the ledger, <see cref="Purpose"/> (a
/// <see cref="NoticePurposes"/> value) says what consent it needs.
/// </summary>
public sealed record ConsumerMessage(
    string IdempotencyKey, Guid CaseId, Guid DealerId, string DefinitionKey, Guid ConsumerId, string Summary, string Headline, string Subject, string Status, string Remark)
{
    public string Purpose { get; init; } = NoticePurposes.Service;

    internal string LedgerSummary => $"{Summary} ({Status})";

    internal StatusText Text => new(Subject, Status, Headline, Remark);
}

/// <summary>A WeCom message to staff of the case's dealer; <see cref="Build"/> makes it for the joined userids and the agent.</summary>
public sealed record StaffMessage(
    string IdempotencyKey, Guid CaseId, Guid DealerId, IReadOnlyList<string> UserIds, string Summary, Func<string, long, MessageSendRequest> Build);

/// <summary>
/// How a claimed message ended: sent through <see cref="Channel"/> to <see cref="Recipients"/>, or, with a <see cref="Reason"/>,
/// not deliverable. <see cref="TemplateId"/> is the subscribe template of a mini-program message, for WeChat's report on it.
/// </summary>
public sealed record CaseDelivery(string Channel, string Recipients, string? Reason)
{
    public string? TemplateId { get; init; }

    public static CaseDelivery Sent(CaseMessageClaim claim) => new(claim.Channel, claim.Recipients, null);

    public static CaseDelivery Undeliverable(CaseMessageClaim claim, string reason) => new(claim.Channel, claim.Recipients, reason);
}
