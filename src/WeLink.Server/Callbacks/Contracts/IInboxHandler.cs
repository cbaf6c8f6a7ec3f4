using WeLink.Wechat.Messages;

namespace WeLink.Server.Callbacks.Contracts;

/// <summary>
/// Processes inbox events of the kinds it accepts. The dispatcher delivers at least once, so a handler must be
/// idempotent; an exception means "retry later" (with backoff, then parked for admins), logged as a failure unless it is
/// an <see cref="InboxRetryLaterException"/> (an expected wait). Register one with
/// <see cref="InboxHandlerServices.AddInboxHandler{THandler}(IServiceCollection, ServiceLifetime)"/>.
/// </summary>
public interface IInboxHandler
{
    Task HandleAsync(InboxEvent inboxEvent, CallbackMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Which messages a handler wants: a function of the message alone (static, so it cannot depend on the handler's
/// state or services). The callback endpoint asks it as it stores an event, before any handler exists, and stores
/// an event no handler wants as ignored instead of queueing it.
/// </summary>
public interface IAcceptsCallbacks
{
    static abstract bool Accepts(CallbackMessage message);
}
