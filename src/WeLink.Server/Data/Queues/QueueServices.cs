using Microsoft.Extensions.Options;

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

    /// <summary>
    /// Registers the purge of a queue's finished <paramref name="rows"/> once older than the retention <paramref name="retention"/>
    /// reads from the options (at each purge, so a changed setting counts), run by Scheduling's recurring purge.
    /// </summary>
    public static IServiceCollection AddQueueRetention<TOptions>(this IServiceCollection services, RetainedRows rows, Func<TOptions, TimeSpan> retention)
        where TOptions : class
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<TOptions>>();
            return new QueueRetention(rows, () => retention(options.CurrentValue), sp.GetRequiredService<IDbConnectionFactory>());
        });
        return services;
    }
}
