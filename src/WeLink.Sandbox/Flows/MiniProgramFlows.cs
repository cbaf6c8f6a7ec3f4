using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Pushes;
using WeLink.Sandbox.Wechat;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Flows;

/// <summary>What a consumer's phone does inside a mini program.</summary>
public sealed class MiniProgramFlows(SandboxWorld world, SandboxCredentials credentials, SubscribeEventPushes subscribeEvents)
{
    /// <summary>wx.requestSubscribeMessage asks about 3 templates at most.</summary>
    public const int MaxTemplatesPerRequest = 3;

    /// <summary>
    /// wx.login on the consumer's phone: a single-use code for jscode2session, valid 5 minutes. The consumer is named by
    /// sandbox id, nickname or their openid in this mini program; without one, the world's first consumer logs in.
    /// </summary>
    public (string Code, ConsumerIdentity Identity) LogIn(string appId, string? consumer)
    {
        if (world.FindAccount(appId) is not { Kind: AccountKind.MiniProgram })
        {
            throw new WorldException($"No mini program with appid '{appId}'.");
        }

        var consumerId = ConsumerIdOf(appId, consumer);
        var identity = world.IdentityOf(appId, consumerId);
        var code = credentials.MiniProgramLoginCodes.Issue(new MiniProgramLoginGrant(appId, consumerId), MiniProgramLoginEndpoints.CodeLifetime, 32);
        return (code, identity);
    }

    /// <summary>
    /// The consumer's tap on the mini program's <c>&lt;button open-type="getPhoneNumber"&gt;</c>: allowing it gives the
    /// code its bindgetphonenumber event carries, good for one getuserphonenumber within 5 minutes; denying it gives none.
    /// </summary>
    public (string? Code, ConsumerIdentity Identity) TapPhoneNumberButton(string appId, string? consumer, bool allow)
    {
        if (world.FindAccount(appId) is not { Kind: AccountKind.MiniProgram })
        {
            throw new WorldException($"No mini program with appid '{appId}'.");
        }

        var consumerId = ConsumerIdOf(appId, consumer);
        if (world.FindConsumer(consumerId)?.Phone is null)
        {
            throw new WorldException($"Consumer '{consumerId}' has no phone bound to their WeChat.");
        }

        var identity = world.IdentityOf(appId, consumerId);
        return (allow ? credentials.PhoneNumberCodes.Issue(new PhoneNumberGrant(appId, consumerId), MiniProgramPhoneEndpoints.CodeLifetime, 64) : null, identity);
    }

    /// <summary>
    /// The consumer's answer to wx.requestSubscribeMessage for up to 3 of the mini program's templates: each acceptance
    /// allows one more message of that template (acceptances add up); a rejection allows nothing. WeChat pushes the answers
    /// to the mini program's message URL (subscribe_msg_popup_event).
    /// </summary>
    public ConsumerIdentity Subscribe(string appId, string? consumer, IReadOnlyList<string> templateIds, bool accept)
    {
        ArgumentNullException.ThrowIfNull(templateIds);
        if (world.FindAccount(appId) is not { Kind: AccountKind.MiniProgram } miniProgram)
        {
            throw new WorldException($"No mini program with appid '{appId}'.");
        }

        if (templateIds.Count is < 1 or > MaxTemplatesPerRequest)
        {
            throw new WorldException($"wx.requestSubscribeMessage takes 1 to {MaxTemplatesPerRequest} template ids.");
        }

        if (templateIds.FirstOrDefault(id => miniProgram.SubscribeTemplates.All(t => t.TemplateId != id)) is { } unknown)
        {
            throw new WorldException($"Mini program '{appId}' has no subscribe template '{unknown}'.");
        }

        var identity = world.IdentityOf(appId, ConsumerIdOf(appId, consumer));
        if (accept)
        {
            foreach (var templateId in templateIds)
            {
                world.GrantSubscription(appId, identity.OpenId, templateId);
            }
        }

        subscribeEvents.Popup(miniProgram, identity.OpenId, templateIds.Distinct().Select(id => (id, accept)));
        return identity;
    }

    /// <summary>
    /// The consumer turns a template off in the mini program's notification settings (服务通知 → 设置): the acceptances
    /// they gave are gone, so a send answers 43101, and WeChat pushes subscribe_msg_change_event with the rejection.
    /// </summary>
    public PushRecord? RejectInSettings(string appId, string? consumer, string templateId)
    {
        if (world.FindAccount(appId) is not { Kind: AccountKind.MiniProgram } miniProgram)
        {
            throw new WorldException($"No mini program with appid '{appId}'.");
        }

        if (miniProgram.SubscribeTemplates.All(t => t.TemplateId != templateId))
        {
            throw new WorldException($"Mini program '{appId}' has no subscribe template '{templateId}'.");
        }

        var identity = world.IdentityOf(appId, ConsumerIdOf(appId, consumer));
        world.RevokeSubscriptions(appId, identity.OpenId, templateId);
        return subscribeEvents.SettingsRejected(miniProgram, identity.OpenId, templateId);
    }

    private string ConsumerIdOf(string appId, string? consumer)
    {
        var consumers = world.Snapshot().Consumers;
        if (string.IsNullOrEmpty(consumer))
        {
            return consumers.Count > 0 ? consumers[0].Consumer.Id : throw new WorldException("The world has no consumer; add one first.");
        }

        return world.FindConsumer(consumer)?.Id
            ?? world.FindByOpenId(appId, consumer)?.ConsumerId
            ?? consumers.FirstOrDefault(c => c.Consumer.Nickname == consumer)?.Consumer.Id
            ?? throw new WorldException($"No consumer '{consumer}' (an id, a nickname or an openid in '{appId}').");
    }
}
