using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Data.Queues;

namespace WeLink.Server.Callbacks;

public static class CallbacksFeature
{
    /// <summary>
    /// The callback endpoints' services, the inbox and its dispatcher, and the ticket handler. Features
    /// add their own <see cref="IInboxHandler"/>s with <see cref="InboxHandlerServices.AddInboxHandler{THandler}(IServiceCollection, ServiceLifetime)"/>.
    /// </summary>
    public static IServiceCollection AddCallbacks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InboxOptions>()
            .Bind(configuration.GetSection(InboxOptions.SectionName))
            .Validate(o => o.TimestampTolerance > TimeSpan.Zero, "Inbox:TimestampTolerance must be positive.")
            .Validate(o => o.Writers is > 0 and <= 64, "Inbox:Writers must be between 1 and 64.")
            .Validate(o => o.WriteGroupSize is > 0 and <= 1_000, "Inbox:WriteGroupSize must be between 1 and 1000.")
            .Validate(o => o.BatchSize is > 0 and <= 10_000, "Inbox:BatchSize must be between 1 and 10000.")
            .Validate(o => o.DispatchConcurrency is > 0 and <= 64, "Inbox:DispatchConcurrency must be between 1 and 64.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Inbox:PollInterval must be positive.")
            .Validate(o => o.LeaseDuration > TimeSpan.Zero, "Inbox:LeaseDuration must be positive.")
            .Validate(o => o.MaxAttempts > 0, "Inbox:MaxAttempts must be at least 1.")
            .Validate(o => o.RetryBaseDelay > TimeSpan.Zero && o.RetryMaxDelay >= o.RetryBaseDelay,
                "Inbox:RetryBaseDelay must be positive and at most Inbox:RetryMaxDelay.")
            .Validate(o => o.Retention >= QueueRetention.Shortest, "Inbox:Retention must be at least one day.")
            .ValidateOnStart();
        services.AddSingleton<CallbackCrypts>();
        services.AddSingleton<CallbackAddressees>();
        services.AddSingleton<IAccountOriginalIdCache>(sp => sp.GetRequiredService<CallbackAddressees>());
        services.AddSingleton<NonceGuard>();
        services.AddSingleton<InboxStore>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<IInboxErasure, InboxErasure>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        services.AddSingleton<CallbackReceiver>();
        services.AddSingleton<InboxRoutes>();
        services.AddInboxHandler<TicketHandler>(ServiceLifetime.Singleton);
        services.AddQueueWorker<InboxDispatcher>();
        services.AddQueueRetention<InboxOptions>(new RetainedRows("inbox", "received_at", [InboxStatus.Done, InboxStatus.Ignored]), o => o.Retention);
        return services;
    }

    public static IEndpointRouteBuilder MapCallbacks(this IEndpointRouteBuilder routes)
    {
        routes.MapCallbackEndpoints();
        routes.MapInboxAdminEndpoints();
        return routes;
    }
}
