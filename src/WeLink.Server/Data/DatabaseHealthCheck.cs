using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WeLink.Server.Data;

/// <summary>Ready when the database answers and every migration has been applied.</summary>
public sealed class DatabaseHealthCheck(IDbConnectionFactory connections, DatabaseMigrator migrator) : IHealthCheck
{
    private volatile bool _migrated;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            if (!_migrated)
            {
                _migrated = await Task.Run(migrator.IsUpToDate, cancellationToken);
            }

            return _migrated
                ? HealthCheckResult.Healthy($"{connections.Dialect.Provider} reachable and migrated")
                : HealthCheckResult.Unhealthy($"{connections.Dialect.Provider} reachable but migrations are pending");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{connections.Dialect.Provider} unreachable: {e.GetType().Name}");
        }
    }
}
