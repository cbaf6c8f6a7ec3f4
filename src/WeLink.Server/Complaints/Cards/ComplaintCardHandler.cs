using WeLink.Server.Callbacks;
using WeLink.Server.Cases.Admin;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Wechat.Http;
using WeLink.Wechat.Messages;
using WeLink.Wechat.WeCom;
using WeLink.Wechat.WeCom.Models;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Complaints.Cards;

/// <summary>
/// A staff member pressed a button on a complaint card (<c>template_card_event</c> on the corp's data URL). The task id
/// names the case, the button key the trigger; the presser is looked up by corp and userid and acts with their roles.
/// The idempotency key is the card and button, so the same press twice and WeCom's retries move the case once. After a
/// move the card's button turns grey with what happened (the update API; a passive reply cannot reach an async handler).
/// </summary>
public sealed partial class ComplaintCardHandler(
    IStaffDirectory directory,
    CaseDetailsStore cases,
    CaseEngine engine,
    ComplaintParties parties,
    CorpClient corps,
    ILogger<ComplaintCardHandler> logger) : IInboxHandler, IAcceptsCallbacks
{
    public static bool Accepts(CallbackMessage message) => message is TemplateCardEvent card && ComplaintCards.TryParseTaskId(card.TaskId, out _);

    public async Task HandleAsync(InboxEvent inboxEvent, CallbackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inboxEvent);
        if (message is not TemplateCardEvent card || !ComplaintCards.TryParseTaskId(card.TaskId, out var caseId))
        {
            return;
        }

        var corpId = inboxEvent.TargetId ?? card.ToUserName;
        var staff = await directory.FindByUserIdAsync(corpId, card.FromUserName, cancellationToken);
        var complaint = await cases.GetAsync(caseId, cancellationToken);
        if (staff is not { Active: true } || complaint is null || complaint.DealerId != staff.DealerId || complaint.DefinitionKey != ComplaintDefinition.Key)
        {
            LogIgnored(caseId, card.EventKey);
            return;
        }

        var result = await engine.FireAsync(
            new FireTrigger(caseId, card.EventKey, Actor.Staff(staff.StaffId.ToString(), [.. staff.Roles]), ComplaintCards.InputFor(card.EventKey),
                $"card:{card.TaskId}:{card.EventKey}"),
            cancellationToken);
        switch (result)
        {
            case CaseConflict conflict:
                // Someone moved the case at the same moment: the dispatcher retries on the new version.
                throw new InvalidOperationException(conflict.Message);
            case CaseRefused refused:
                LogRefused(caseId, card.EventKey, refused.Message);
                return;
            case CaseMoved { Replayed: false } when card.ResponseCode is { Length: > 0 } responseCode:
                await GreyOutAsync(complaint.DealerId, card.FromUserName, responseCode, cancellationToken);
                return;
        }
    }

    private async Task GreyOutAsync(Guid dealerId, string userId, string responseCode, CancellationToken cancellationToken)
    {
        if (await parties.CorpAsync(dealerId, cancellationToken) is not { } corp)
        {
            return;
        }

        try
        {
            await corps.UpdateTemplateCardAsync(
                corp.CorpId,
                new MessageUpdateTemplateCardRequest
                {
                    Userids = [userId],
                    Agentid = corp.AgentId,
                    ResponseCode = responseCode,
                    Button = new UpdatedButton { ReplaceName = "已处理" },
                },
                cancellationToken);
        }
        catch (WechatApiException e)
        {
            // The move stands; a card that still shows its buttons only answers "already done" on the next press.
            LogCardNotUpdated(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Card press on case {CaseId} ({Trigger}) ignored: unknown staff, case or another dealer")]
    private partial void LogIgnored(Guid caseId, string trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card press on case {CaseId} ({Trigger}) refused: {Reason}")]
    private partial void LogRefused(Guid caseId, string trigger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A complaint card could not be updated: {Reason}")]
    private partial void LogCardNotUpdated(string reason);
}
