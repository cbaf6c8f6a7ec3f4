using WeLink.Server.Callbacks.Contracts;
using WeLink.Wechat.Http;
using WeLink.Wechat.Messages;
using WeLink.Wechat.OfficialAccount;
using WeLink.Wechat.Tokens;

namespace WeLink.Server.Identities;

/// <summary>
/// Follows, unfollows and QR scans in a dealer's account (the account channel; the inbox's TargetId is the
/// authorizer appid) keep the <c>consumers</c> row of that dealer: created on first sight, subscription set
/// by the newest event, and the first WeLink QR scene kept as attribution. A follow also asks user/info for
/// the unionid, best effort: without it the consumer is still recorded.
/// </summary>
public sealed class ConsumerFollowHandler(
    DealerAccounts dealerAccounts,
    ConsumerStore consumers,
    OfficialAccountClient accounts,
    ILogger<ConsumerFollowHandler> logger) : IInboxHandler, IAcceptsCallbacks
{
    public static bool Accepts(CallbackMessage message) => message is SubscribeEvent or UnsubscribeEvent or ScanEvent;

    public async Task HandleAsync(InboxEvent inboxEvent, CallbackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inboxEvent);
        if (inboxEvent.Channel != CallbackChannel.Account || inboxEvent.TargetId is not { Length: > 0 } appId
            || message is not UserMessage { FromUserName: { Length: > 0 } openId })
        {
            return;
        }

        if (await dealerAccounts.FindByAppIdAsync(appId, cancellationToken) is not { } account)
        {
            logger.FollowForUnlinkedAccount(appId);
            return;
        }

        var at = message.CreateTime ?? inboxEvent.ReceivedAt;
        switch (message)
        {
            case SubscribeEvent follow:
                var unionId = await UnionIdAsync(appId, openId, cancellationToken);
                await consumers.RecordFollowAsync(account, openId, following: true, at, WeLinkScene(follow.SceneValue), unionId, cancellationToken);
                break;
            case UnsubscribeEvent:
                await consumers.RecordFollowAsync(account, openId, following: false, at, scene: null, unionId: null, cancellationToken);
                break;
            case ScanEvent scan:
                // SCAN comes only from a follower; it proves the follow and may carry the first attribution.
                await consumers.RecordFollowAsync(account, openId, following: true, at, WeLinkScene(scan.EventKey), unionId: null, cancellationToken);
                break;
        }
    }

    /// <summary>Only scenes WeLink issued (<see cref="QrScene"/>) count as attribution.</summary>
    private static string? WeLinkScene(string? sceneOrEventKey) =>
        QrScene.TryParse(sceneOrEventKey, out var scene) ? scene.ToString() : null;

    private async Task<string?> UnionIdAsync(string appId, string openId, CancellationToken cancellationToken)
    {
        try
        {
            return (await accounts.GetUserInfoAsync(appId, openId, cancellationToken)).Unionid;
        }
        catch (WechatApiException e)
        {
            logger.UnionIdRefused(appId, e.ApiPath, e.Errcode);
        }
        catch (AuthorizationLostException)
        {
            logger.UnionIdUnavailable(appId, "the account withdrew its authorization");
        }
        catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.UnionIdUnavailable(appId, "WeChat could not be reached");
        }

        return null;
    }
}
