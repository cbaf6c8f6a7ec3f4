using System.Globalization;
using System.Net;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Shared;
using WeLink.Server.StaffApp.Contracts;
using WeLink.Wechat.WeCom;
using WeLink.Wechat.WeCom.Models;

namespace WeLink.Server.Conversations;

/// <summary>
/// Tells the dealer's duty role (service advisors unless the dealer chose another) of a new conversation: a WeCom text card
/// through the dealer's corp that opens the conversation in the staff app. Outside business hours they are told at once
/// all the same, the card saying so, since whoever is on call may answer. Told once per conversation: its notified_at is
/// taken before the send and given back when the send fails.
/// </summary>
public sealed class ConversationNotices(
    ConversationStore store,
    IConversationSettings settings,
    IStaffDirectory staff,
    IDealerDirectory dealers,
    IConsumerDirectory consumers,
    CorpClient corps,
    PublicAddress address,
    ILogger<ConversationNotices> logger)
{
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    public async Task NewConversationAsync(ConversationRow conversation, InboundMessage first, bool outOfHours, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(first);
        if (!await store.TryTakeNoticeAsync(conversation.Id, cancellationToken))
        {
            return;
        }

        try
        {
            await SendAsync(conversation, first, outOfHours, cancellationToken);
        }
        catch
        {
            // Not told: the next delivery of the message tries again.
            await store.GiveBackNoticeAsync(conversation.Id, CancellationToken.None);
            throw;
        }
    }

    private async Task SendAsync(ConversationRow conversation, InboundMessage first, bool outOfHours, CancellationToken cancellationToken)
    {
        var role = await settings.DutyRoleAsync(conversation.DealerId, cancellationToken);
        var userIds = (await staff.ActiveInRolesAsync(conversation.DealerId, [role], cancellationToken)).Select(s => s.UserId).Order(StringComparer.Ordinal).ToList();
        if (userIds.Count == 0)
        {
            logger.NobodyOnDuty(conversation.Id, role);
        }
        else
        {
            var corp = await dealers.ActiveCorpAsync(conversation.DealerId, cancellationToken)
                ?? throw new InvalidOperationException("The dealer's WeCom corp is not linked; the notice waits until it is.");
            var name = (await consumers.NamesAsync([conversation.ConsumerId], cancellationToken)).GetValueOrDefault(conversation.ConsumerId, "微信用户");
            var card = new Textcard
            {
                Title = outOfHours ? "新的客户咨询（非营业时间）" : "新的客户咨询",
                Description = string.Create(
                    CultureInfo.InvariantCulture,
                    $"""<div class="gray">{first.At.ToOffset(ChinaTime):M月d日 HH:mm}</div><div class="normal">{WebUtility.HtmlEncode(name)}：{WebUtility.HtmlEncode(Preview(first))}</div>"""),
                Url = StaffAppLinks.Conversation(address.Configured(), conversation.Id).ToString(),
                Btntxt = "去回复",
            };
            await corps.SendMessageAsync(corp.CorpId, MessageSendRequest.ForTextcard(string.Join('|', userIds), corp.AgentId, card), cancellationToken);
        }
    }

    /// <summary>What the card shows of the first message: its text (cut, WeCom takes 512 bytes in all), or what it is.</summary>
    private static string Preview(InboundMessage message) => message.Kind switch
    {
        MessageKind.Image => "[图片]",
        MessageKind.Voice => "[语音]",
        _ => message.Text is { Length: > 60 } text ? text[..60] + "…" : message.Text ?? "",
    };
}
