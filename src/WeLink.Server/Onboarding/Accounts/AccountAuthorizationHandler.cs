using WeLink.Server.Callbacks.Contracts;
using WeLink.Wechat.Messages;

namespace WeLink.Server.Onboarding.Accounts;

/// <summary>authorized, updateauthorized and unauthorized pushes from the component's authorization-event URL.</summary>
public sealed class AccountAuthorizationHandler(AccountAuthorizations authorizations) : IInboxHandler, IAcceptsCallbacks
{
    public static bool Accepts(CallbackMessage message) => message is ComponentAuthorizationPush;

    public Task HandleAsync(InboxEvent inboxEvent, CallbackMessage message, CancellationToken cancellationToken) =>
        authorizations.HandlePushAsync((ComponentAuthorizationPush)message, cancellationToken);
}
