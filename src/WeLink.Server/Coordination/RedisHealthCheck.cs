using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace WeLink.Server.Coordination;

/// <summary>Ready only while Redis answers PING: without it no node can share tokens or hold a lock.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        // While disconnected, commands queue until they time out; answer at once instead of making the probe wait.
        if (!redis.IsConnected)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Not connected to Redis");
        }
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0} ms");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis did not answer PING", exception);
        }
    }
}
