using WeLink.Server.Callbacks.Contracts;
using WeLink.Wechat.Messages;

namespace WeLink.Server.Callbacks;

/// <summary>A registered inbox handler: its service type and what it accepts.</summary>
public sealed record InboxRoute(Type HandlerType, Func<CallbackMessage, bool> Accepts);

/// <summary>The registered inbox handlers, in registration order, and which of them accept a message.</summary>
public sealed class InboxRoutes(IEnumerable<InboxRoute> routes)
{
    private readonly InboxRoute[] _routes = [.. routes.DistinctBy(r => r.HandlerType)];

    public bool AnyAccepts(CallbackMessage message) => _routes.Any(r => r.Accepts(message));

    /// <summary>The handlers that accept the message, resolved from <paramref name="services"/>.</summary>
    public IEnumerable<IInboxHandler> HandlersFor(CallbackMessage message, IServiceProvider services) =>
        _routes.Where(r => r.Accepts(message)).Select(r => (IInboxHandler)services.GetRequiredService(r.HandlerType));
}
