using Microsoft.Extensions.Options;
using WeLink.Server.Cases.Contracts;
using WeLink.Wechat.Http;
using WeLink.Wechat.OfficialAccount;
using WeLink.Wechat.OfficialAccount.Models;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// The one way a status-template message leaves a dealer's account: the account's own template id
/// (<see cref="AccountTemplates"/>), the keywords fitted to what WeChat takes, and an id WeChat no longer knows forgotten
/// so the next message adds it again. Case notices (<see cref="CaseMessenger"/>, also as the mini program's fallback) and
/// other features' consumer messages all send through it.
/// </summary>
public sealed class StatusTemplateMessages(
    AccountTemplates templates, OfficialAccountClient accounts, IOptionsMonitor<CaseMessagingOptions> options, TimeProvider time) : IStatusTemplateMessages
{
    /// <summary>WeChat's errcode for a template id the account does not have (any more).</summary>
    private const int UnknownTemplate = 40037;

    public async Task SendAsync(StatusTemplateMessage message, CancellationToken cancellationToken)
    {
        var request = await PrepareAsync(message, miniProgramPage: null, cancellationToken);
        await SendAsync(message.AppId, request, cancellationToken);
    }

    /// <summary>
    /// The request, with the account's template id found (or added) now, so a sender that claims the send first can do
    /// this before its claim; <paramref name="miniProgramPage"/> opens the mini program's page instead of the web page.
    /// </summary>
    internal async Task<MessageTemplateSendRequest> PrepareAsync(StatusTemplateMessage message, MiniprogramTarget? miniProgramPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var template = options.CurrentValue.StatusTemplate;
        var templateId = await templates.IdAsync(message.AppId, template.LibraryId, [.. template.Keywords.Select(k => k.Name)], cancellationToken);
        return new MessageTemplateSendRequest
        {
            Touser = message.OpenId,
            TemplateId = templateId,
            Url = message.Url,
            Miniprogram = miniProgramPage,
            ClientMsgId = message.ClientMsgId,
            Data = template.Values(message.Text, time.GetUtcNow()).ToDictionary(v => v.Key, v => new TemplateDataValue { Value = v.Value }),
        };
    }

    internal async Task SendAsync(string appId, MessageTemplateSendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            await accounts.SendTemplateMessageAsync(appId, request, cancellationToken);
        }
        catch (WechatApiException e) when (e.Errcode == UnknownTemplate)
        {
            await templates.ForgetAsync(appId, request.TemplateId, CancellationToken.None);
            throw;
        }
    }
}
