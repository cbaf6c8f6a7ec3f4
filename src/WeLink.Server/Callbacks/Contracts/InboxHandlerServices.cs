using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WeLink.Server.Callbacks.Contracts;

/// <summary>Registering inbox handlers together with the routes that say what each accepts.</summary>
public static class InboxHandlerServices
{
    /// <summary>
    /// Registers <typeparamref name="THandler"/> under its own type with the given lifetime (unless it is registered
    /// already) and routes the messages it accepts to it. The dispatcher resolves it in a scope per event.
    /// </summary>
    public static IServiceCollection AddInboxHandler<THandler>(this IServiceCollection services, ServiceLifetime lifetime = ServiceLifetime.Transient)
        where THandler : class, IInboxHandler, IAcceptsCallbacks
    {
        services.TryAdd(new ServiceDescriptor(typeof(THandler), typeof(THandler), lifetime));
        return services.AddRoute<THandler>();
    }

    /// <summary>Registers the given instance as <typeparamref name="THandler"/> and routes to it.</summary>
    public static IServiceCollection AddInboxHandler<THandler>(this IServiceCollection services, THandler handler)
        where THandler : class, IInboxHandler, IAcceptsCallbacks
    {
        services.TryAddSingleton(handler);
        return services.AddRoute<THandler>();
    }

    private static IServiceCollection AddRoute<THandler>(this IServiceCollection services)
        where THandler : class, IInboxHandler, IAcceptsCallbacks
    {
        services.AddSingleton(new InboxRoute(typeof(THandler), THandler.Accepts));
        return services;
    }
}
