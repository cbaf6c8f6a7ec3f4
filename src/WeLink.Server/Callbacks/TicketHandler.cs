using WeLink.Server.Callbacks.Contracts;
using WeLink.Wechat.Messages;
using WeLink.Wechat.Tokens;

namespace WeLink.Server.Callbacks;

/// <summary>
/// Stores component_verify_ticket and suite_ticket pushes, keyed by the component appid and suite id. The
/// callback endpoint runs it before answering (so a delivered push means a stored ticket, and a token can
/// be fetched at once); as an ordinary handler it also covers a ticket row an admin puts back in the queue.
/// </summary>
public sealed partial class TicketHandler(
    IComponentTicketStore componentTickets,
    ISuiteTicketStore suiteTickets,
    ILogger<TicketHandler> logger) : IInboxHandler, IAcceptsCallbacks
{
    public static bool Accepts(CallbackMessage message) => message is ComponentVerifyTicketPush or SuiteTicketPush;

    public async Task HandleAsync(InboxEvent inboxEvent, CallbackMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case ComponentVerifyTicketPush push:
                await componentTickets.SaveAsync(push.AppId, push.ComponentVerifyTicket, cancellationToken);
                LogStored("component_verify_ticket", push.AppId);
                break;
            case SuiteTicketPush push:
                await suiteTickets.SaveAsync(push.SuiteId, push.SuiteTicket, cancellationToken);
                LogStored("suite_ticket", push.SuiteId);
                break;
            default:
                throw new ArgumentException($"{message.Kind} is not a ticket push.", nameof(message));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored a new {TicketKind} for {OwnerId}")]
    private partial void LogStored(string ticketKind, string ownerId);
}
