using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using WeLink.Server.Coordination;

namespace WeLink.Server.Tests.Coordination;

public sealed class CoordinationFeatureTests
{
    [Fact]
    public async Task Without_a_redis_connection_string_the_in_process_implementations_serve_and_no_redis_check_exists()
    {
        await using var services = BuildServices(new Dictionary<string, string?>());

        Assert.IsType<InProcessCacheStore>(services.GetRequiredService<ICacheStore>());
        Assert.IsType<InProcessDistributedLockProvider>(services.GetRequiredService<IDistributedLockProvider>());
        Assert.Null(services.GetService<IConnectionMultiplexer>());
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.DoesNotContain("redis", report.Entries.Keys);
    }

    [Fact]
    public async Task With_a_redis_connection_string_redis_serves_under_the_configured_prefix_and_is_checked_for_readiness()
    {
        var prefix = $"test:{Guid.NewGuid():N}:";
        await using var services = BuildServices(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = TestServices.Redis,
            ["Redis:KeyPrefix"] = prefix,
        });

        var cache = Assert.IsType<RedisCacheStore>(services.GetRequiredService<ICacheStore>());
        Assert.IsType<RedisDistributedLockProvider>(services.GetRequiredService<IDistributedLockProvider>());
        await cache.SetAsync("probe", "value", TimeSpan.FromMinutes(1), CancellationToken.None);
        var raw = await services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().StringGetAsync($"{prefix}cache:probe");
        Assert.Equal("value", (string?)raw);

        var report = await services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Tags.Contains("ready"));
        Assert.Equal(HealthStatus.Healthy, report.Entries["redis"].Status);
    }

    [Fact]
    public async Task The_redis_check_fails_while_redis_does_not_answer()
    {
        await using var services = BuildServices(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{UnusedLoopbackPort()},connectTimeout=300",
        });

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["redis"].Status);
    }

    private static ServiceProvider BuildServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddHealthChecks();
        services.AddCoordination(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    // A port that was free a moment ago and that nothing listens on now.
    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
