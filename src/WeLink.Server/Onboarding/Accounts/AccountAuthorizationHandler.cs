using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Onboarding.MiniPrograms;
using WeLink.Wechat.Messages;

namespace WeLink.Server.Onboarding.Accounts;

/// <summary>
/// authorized, updateauthorized and unauthorized pushes from the component's authorization-event URL: a brand's mini
/// program's go to its flow, the rest are the dealers' official accounts.
/// </summary>
public sealed class AccountAuthorizationHandler(AccountAuthorizations authorizations, MiniProgramAuthorizations miniPrograms) : IInboxHandler, IAcceptsCallbacks
{
    public static bool Accepts(CallbackMessage message) => message is ComponentAuthorizationPush;

    public async Task HandleAsync(InboxEvent inboxEvent, CallbackMessage message, CancellationToken cancellationToken)
    {
        var push = (ComponentAuthorizationPush)message;
        if (!await miniPrograms.TryHandlePushAsync(push, cancellationToken))
        {
            await authorizations.HandlePushAsync(push, cancellationToken);
        }
    }
}
