using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Wechat.OfficialAccount.Models;

namespace WeLink.Server.Conversations.Keywords;

/// <summary>
/// Answers a consumer's text that contains one of the brand's keywords with its reply, a customer-service message from the
/// dealer's account: the text, or a card opening the page of the brand's mini program in the dealer's context. WeChat's
/// passive reply cannot carry it: WeLink answers the push once it is in the inbox, before any handler runs, and WeChat has
/// no passive card. The reply is WeLink's own (no staff member): it answers nobody's waiting and closes nothing, so the
/// conversation still reaches staff. Keyed by the consumer's message, so a redelivered message is answered once (at least
/// once: see <see cref="ConversationReplies"/>).
/// </summary>
public sealed class KeywordAnswers(KeywordReplyStore replies, ConversationReplies send, IBrandMiniPrograms miniPrograms, CardThumbs thumbs, ILogger<KeywordAnswers> logger)
{
    public async Task AnswerAsync(ConversationRow conversation, Guid messageId, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (KeywordReplyRules.Match(await replies.CachedAsync(conversation.BrandId, cancellationToken), text) is not { } reply)
        {
            return;
        }

        var key = $"auto:keyword:{messageId:N}";
        if (reply.Kind == KeywordReplyKinds.Text)
        {
            ReplyInFlightException.ThrowIfInFlight(await send.ReplyAsync(conversation, key, staffId: null, reply.Text!, cancellationToken));
            return;
        }

        if (await miniPrograms.FindOfBrandAsync(conversation.BrandId, cancellationToken) is not { Active: true } miniProgram)
        {
            logger.KeywordCardWithoutMiniProgram(conversation.Id, reply.Keyword);
            return;
        }

        ReplyInFlightException.ThrowIfInFlight(await send.SendAsync(
            conversation,
            key,
            staffId: null,
            MessageKind.Page,
            reply.PageTitle!,
            async ct => MessageCustomSendRequest.ForMiniprogramPage(conversation.OpenId, new CustomMiniprogramPage
            {
                Title = reply.PageTitle!,
                Appid = miniProgram.AppId,
                Pagepath = MiniProgramPages.WithDealer(reply.PagePath!, conversation.DealerId),
                ThumbMediaId = await thumbs.MediaIdAsync(conversation.AppId, ct),
            }),
            cancellationToken));
    }
}
