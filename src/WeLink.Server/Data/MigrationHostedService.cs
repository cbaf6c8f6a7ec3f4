using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Npgsql;
using WeLink.Server.Shared;

namespace WeLink.Server.Data;

/// <summary>
/// Migrates at start-up, before the scheduler and the endpoints need the schema. Registered first, so it
/// runs before the other hosted services start. An unreachable database stops start-up with a message
/// that names the setting.
/// </summary>
public sealed class MigrationHostedService(
    DatabaseMigrator migrator,
    DatabaseSettings settings,
    IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStart)
        {
            return;
        }

        try
        {
            await migrator.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException
            || e.InnerException is NpgsqlException or SocketException)
        {
            throw new StartupConfigurationException(
                $"Cannot reach the database set by {DatabaseOptions.ConnectionStringKey} ({settings.Describe()}): {e.Message}", e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
