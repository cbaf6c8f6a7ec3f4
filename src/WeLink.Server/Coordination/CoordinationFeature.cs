using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace WeLink.Server.Coordination;

public static class CoordinationFeature
{
    /// <summary>
    /// Registers <see cref="ICacheStore"/> and <see cref="IDistributedLockProvider"/>: on Redis when
    /// <c>ConnectionStrings:Redis</c> is set (plus a "redis" health check tagged "ready"), otherwise in-process,
    /// which is only correct while a single node runs.
    /// </summary>
    public static IServiceCollection AddCoordination(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);

        var connectionString = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.AddSingleton<ICacheStore, InProcessCacheStore>();
            services.AddSingleton<IDistributedLockProvider, InProcessDistributedLockProvider>();
            return services;
        }

        services.Configure<RedisOptions>(configuration.GetSection(RedisOptions.SectionName));
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisConfiguration(connectionString)));
        services.AddSingleton<ICacheStore, RedisCacheStore>();
        services.AddSingleton<IDistributedLockProvider, RedisDistributedLockProvider>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }

    internal static ConfigurationOptions RedisConfiguration(string connectionString)
    {
        // The connect timeout stays the client's 5 s unless the connection string sets connectTimeout=<ms>.
        var options = ConfigurationOptions.Parse(connectionString);
        // Start even while Redis is down and keep reconnecting in the background; the health check reports it meanwhile.
        options.AbortOnConnectFail = false;
        return options;
    }
}
