using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WeLink.Server.Coordination;

namespace WeLink.Server.Tests.Coordination;

/// <summary>One connection to the test Redis per test class, configured exactly as production configures it.</summary>
public sealed class RedisConnectionFixture : IAsyncLifetime
{
    private ConnectionMultiplexer? _connection;

    public IConnectionMultiplexer Connection =>
        _connection ?? throw new InvalidOperationException("The Redis connection is opened in InitializeAsync.");

    public async Task InitializeAsync() =>
        _connection = await ConnectionMultiplexer.ConnectAsync(CoordinationFeature.RedisConfiguration(TestServices.Redis));

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    /// <summary>Options that keep a test's keys apart from every other test's keys.</summary>
    public static IOptions<RedisOptions> UniquePrefix() =>
        Options.Create(new RedisOptions { KeyPrefix = $"test:{Guid.NewGuid():N}:" });
}
