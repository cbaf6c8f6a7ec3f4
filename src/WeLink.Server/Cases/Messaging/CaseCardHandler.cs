using System.Text.Json.Nodes;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Cases.Admin;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Wechat.Http;
using WeLink.Wechat.Messages;
using WeLink.Wechat.WeCom;
using WeLink.Wechat.WeCom.Models;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// A staff member pressed a button on a case card (<c>template_card_event</c> on the corp's data URL), for any process.
/// The task id names the case and the notice that sent the card, the button key the trigger; the presser is looked up by
/// corp and userid and acts with their roles, with the input the notice's button declares. The idempotency key is the
/// card and button, so the same press twice and WeCom's retries move the case once. After a move the card's button turns
/// grey with what happened (the update API; a passive reply cannot reach an async handler).
/// </summary>
public sealed partial class CaseCardHandler(
    IStaffDirectory directory,
    IDealerRegistry dealers,
    IDealerDirectory links,
    CaseDetailsStore cases,
    CaseDefinitions definitions,
    CaseEngine engine,
    CorpClient corps,
    ILogger<CaseCardHandler> logger) : IInboxHandler, IAcceptsCallbacks
{
    /// <summary>What a pressed button turns into; people read it, so it is Chinese.</summary>
    private const string Done = "已处理";

    public static bool Accepts(CallbackMessage message) => message is TemplateCardEvent card && CaseCards.TryParseTaskId(card.TaskId, out _, out _);

    public async Task HandleAsync(InboxEvent inboxEvent, CallbackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inboxEvent);
        if (message is not TemplateCardEvent card || !CaseCards.TryParseTaskId(card.TaskId, out var caseId, out var action))
        {
            return;
        }

        var corpId = inboxEvent.TargetId ?? card.ToUserName;
        var staff = await directory.FindByUserIdAsync(corpId, card.FromUserName, cancellationToken);
        var dealer = staff is { Active: true } ? await dealers.FindAsync(staff.DealerId, cancellationToken) : null;
        var scope = dealer is null ? CaseScope.Nothing : CaseScope.Dealer(dealer.BrandId, dealer.DealerId);
        var details = staff is null ? null : await cases.GetAsync(caseId, scope, cancellationToken);
        if (staff is null || details is null)
        {
            LogIgnored(caseId, card.EventKey);
            return;
        }

        var definition = await definitions.GetAsync(details.DefinitionKey, details.DefinitionVersion, cancellationToken);
        var button = definition.Notices.FirstOrDefault(n => n.Action == action)?.Buttons.FirstOrDefault(b => b.Trigger == card.EventKey);
        if (button is null)
        {
            LogIgnored(caseId, card.EventKey);
            return;
        }

        var texts = new CaseTexts(definition, details.State, details.Data, [], details.LatestInput);
        var input = new JsonObject(button.Input.Select(i => KeyValuePair.Create(i.Key, (JsonNode?)texts.Render(i.Value))));
        var result = await engine.FireAsync(
            new FireTrigger(caseId, scope, button.Trigger, Actor.Staff(staff.StaffId.ToString(), [.. staff.Roles]), input, $"card:{card.TaskId}:{card.EventKey}"),
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
                await GreyOutAsync(details.DealerId, card.FromUserName, responseCode, cancellationToken);
                return;
        }
    }

    private async Task GreyOutAsync(Guid dealerId, string userId, string responseCode, CancellationToken cancellationToken)
    {
        if (await links.ActiveCorpAsync(dealerId, cancellationToken) is not { } corp)
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
                    Button = new UpdatedButton { ReplaceName = Done },
                },
                cancellationToken);
        }
        catch (WechatApiException e)
        {
            // The move stands; a card that still shows its buttons only answers "already done" on the next press.
            LogCardNotUpdated(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Card press on case {CaseId} ({Trigger}) ignored: unknown staff, case, button or another dealer")]
    private partial void LogIgnored(Guid caseId, string trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card press on case {CaseId} ({Trigger}) refused: {Reason}")]
    private partial void LogRefused(Guid caseId, string trigger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A case card could not be updated: {Reason}")]
    private partial void LogCardNotUpdated(string reason);
}
