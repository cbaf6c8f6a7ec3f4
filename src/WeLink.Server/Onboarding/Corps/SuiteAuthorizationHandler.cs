using WeLink.Server.Callbacks.Contracts;
using WeLink.Wechat.Messages;

namespace WeLink.Server.Onboarding.Corps;

/// <summary>create_auth, change_auth and cancel_auth instructions from the suite's instruction URL.</summary>
public sealed class SuiteAuthorizationHandler(CorpInstallations installations) : IInboxHandler, IAcceptsCallbacks
{
    public static bool Accepts(CallbackMessage message) => message is CreateAuthInstruction or ChangeAuthInstruction or CancelAuthInstruction;

    public Task HandleAsync(InboxEvent inboxEvent, CallbackMessage message, CancellationToken cancellationToken) => message switch
    {
        CreateAuthInstruction create => installations.HandleCreateAuthAsync(create, cancellationToken),
        ChangeAuthInstruction change => installations.HandleChangeAuthAsync(change.AuthCorpId, cancellationToken),
        CancelAuthInstruction cancel => installations.HandleCancelAuthAsync(cancel.AuthCorpId, cancellationToken),
        _ => Task.CompletedTask,
    };
}
