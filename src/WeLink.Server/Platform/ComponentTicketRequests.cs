using WeLink.Server.Coordination;
using WeLink.Wechat.Http;
using WeLink.Wechat.OpenPlatform;

namespace WeLink.Server.Platform;

/// <summary>
/// Asks WeChat to push a component_verify_ticket now (<c>api_start_push_ticket</c>; it arrives at the authorization-event
/// URL like the 10-minute pushes), at most once per <see cref="Interval"/> across the nodes: every page view without a
/// ticket would otherwise ask again while the first push is on its way.
/// </summary>
public sealed partial class ComponentTicketRequests(ComponentClient component, ICacheStore cache, ILogger<ComponentTicketRequests> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async Task RequestAsync(CancellationToken cancellationToken)
    {
        // A value of this call's own, so only the first claim within the interval holds.
        var claimed = await cache.ClaimAsync(
            [new("component-ticket-request:" + component.ComponentAppid, Guid.NewGuid().ToString("N"))], Interval, cancellationToken);
        if (!claimed[0])
        {
            return;
        }

        try
        {
            await component.StartPushTicketAsync(cancellationToken);
            LogRequested(logger, component.ComponentAppid);
        }
        catch (Exception e) when (e is WechatApiException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // The messages name the path and errcode, never the secret the request carries in its body.
            LogRequestFailed(logger, component.ComponentAppid, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No component_verify_ticket is stored for component {ComponentAppid}; asked WeChat to push one now")]
    private static partial void LogRequested(ILogger logger, string componentAppid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No component_verify_ticket is stored for component {ComponentAppid}, and asking WeChat to push one failed: {Reason}")]
    private static partial void LogRequestFailed(ILogger logger, string componentAppid, string reason);
}
