using WeLink.Wechat.Messages;

namespace WeLink.Server.Callbacks;

/// <summary>
/// Processes inbox events of the kinds it claims. The dispatcher delivers at least once, so a handler
/// must be idempotent; an exception means "retry later" (with backoff, then parked for admins).
/// </summary>
public interface IInboxHandler
{
    bool Accepts(CallbackMessage message);

    Task HandleAsync(InboxEvent inboxEvent, CallbackMessage message, CancellationToken cancellationToken);
}
