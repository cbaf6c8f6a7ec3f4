using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Wechat.Messages;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// WeChat's subscribe-message events from a brand's mini program (protocol-wave2.md §2.5), pushed to the component message
/// URL of its appid: the consumer's answer in the subscribe dialog (subscribe_msg_popup_event: accept or reject) and a
/// rejection in their notification settings (subscribe_msg_change_event) become the consumer's latest answer in
/// <see cref="SubscribeConsents"/>, which <see cref="CaseMessenger"/> reads; the report of a sent message
/// (subscribe_msg_sent_event) marks its row in the <see cref="CaseMessageLedger"/> delivered or failed. Items naming a
/// template the mini program does not have from WeLink, or missing what they need, are logged and skipped.
/// </summary>
public sealed partial class SubscribeEventsHandler(
    IBrandMiniPrograms miniPrograms,
    AccountTemplates templates,
    SubscribeConsents consents,
    CaseMessageLedger ledger,
    ILogger<SubscribeEventsHandler> logger) : IInboxHandler, IAcceptsCallbacks
{
    /// <summary>WeChat's ErrorCode for a subscribe message it delivered.</summary>
    private const string DeliveredCode = "0";

    public static bool Accepts(CallbackMessage message) => message is SubscribeMessageEvent;

    public async Task HandleAsync(InboxEvent inboxEvent, CallbackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inboxEvent);
        if (inboxEvent.Channel != CallbackChannel.Account || inboxEvent.TargetId is not { Length: > 0 } appId
            || message is not SubscribeMessageEvent { FromUserName: { Length: > 0 } openId } subscribe)
        {
            return;
        }

        // Official accounts push popup events too (their own subscribe notices); WeLink sends subscribe messages from the
        // brand's mini program only.
        if (await miniPrograms.FindByAppIdAsync(appId, cancellationToken) is null)
        {
            LogNotAMiniProgram(appId, subscribe.Kind);
            return;
        }

        var at = message.CreateTime ?? inboxEvent.ReceivedAt;
        foreach (var item in subscribe.Items)
        {
            if (!await templates.IsOwnAsync(appId, item.TemplateId, cancellationToken))
            {
                LogUnknownTemplate(appId, subscribe.Kind, item.TemplateId);
                continue;
            }

            await HandleItemAsync(appId, openId, subscribe.Kind, item, at, cancellationToken);
        }
    }

    private async Task HandleItemAsync(
        string appId, string openId, CallbackMessageKind kind, SubscribeMessageItem item, DateTimeOffset at, CancellationToken cancellationToken)
    {
        switch (kind, item.SubscribeStatus)
        {
            case (CallbackMessageKind.SubscribeMessagePopup, SubscribeConsents.Accepted):
                await consents.RecordAsync(appId, openId, item.TemplateId, accepted: true, at, cancellationToken);
                break;
            case (CallbackMessageKind.SubscribeMessagePopup or CallbackMessageKind.SubscribeMessageChange, SubscribeConsents.Rejected):
                await consents.RecordAsync(appId, openId, item.TemplateId, accepted: false, at, cancellationToken);
                break;
            case (CallbackMessageKind.SubscribeMessageSent, _) when item.MsgId is { Length: > 0 } msgId:
                var delivered = item.ErrorCode == DeliveredCode;
                var report = new SubscribeDeliveryReport(openId, item.TemplateId, msgId, delivered, delivered ? null : item.ErrorStatus ?? $"ErrorCode {item.ErrorCode}", at);
                if (!await ledger.MarkReportedAsync(report, cancellationToken))
                {
                    LogUnmatchedReport(appId, item.TemplateId, msgId);
                }

                break;
            default:
                // Only rejections are documented in change events; anything else names no answer WeLink can act on.
                LogUnusableItem(appId, kind, item.TemplateId, item.SubscribeStatus);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} for {AppId}, which is no brand's mini program: ignored")]
    private partial void LogNotAMiniProgram(string appId, CallbackMessageKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} for {AppId} names template '{TemplateId}', which WeLink did not add to that mini program: skipped")]
    private partial void LogUnknownTemplate(string appId, CallbackMessageKind kind, string templateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} for {AppId}, template {TemplateId}: status '{Status}' (or no MsgID) says nothing WeLink can use: skipped")]
    private partial void LogUnusableItem(string appId, CallbackMessageKind kind, string templateId, string? status);

    [LoggerMessage(Level = LogLevel.Information, Message = "subscribe_msg_sent_event for {AppId}, template {TemplateId}, MsgID {MsgId}: no unreported subscribe message matches (already marked, or not WeLink's)")]
    private partial void LogUnmatchedReport(string appId, string templateId, string msgId);
}

/// <summary>WeChat's report of one subscribe message to <paramref name="OpenId"/>: delivered, or failed with <paramref name="Error"/>.</summary>
public sealed record SubscribeDeliveryReport(string OpenId, string TemplateId, string MsgId, bool Delivered, string? Error, DateTimeOffset At);
