namespace WeLink.Server.Data.Queues;

public static class QueueServices
{
    /// <summary>Registers <typeparamref name="TWorker"/>, its wake-up signal and the service that polls it on this node.</summary>
    public static IServiceCollection AddQueueWorker<TWorker>(this IServiceCollection services)
        where TWorker : class, IQueueWorker
    {
        services.AddSingleton<TWorker>();
        services.AddSingleton<WorkSignal<TWorker>>();
        services.AddHostedService<PollingService<TWorker>>();
        return services;
    }
}
