using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace WeLink.Server.Data;

public static class DataFeature
{
    /// <summary>Registers the connection factory, the migrator and the readiness check for the configured database.</summary>
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration, DatabaseSettings settings)
    {
        DapperTypeHandlers.Register();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        services.AddSingleton(settings);
        services.AddSingleton<DatabaseMigrator>();
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton(_ => new NpgsqlDataSourceBuilder(settings.ConnectionString).Build());
            services.AddSingleton<IDbConnectionFactory, PostgresConnectionFactory>();
        }
        else
        {
            services.AddSingleton<IDbConnectionFactory, SqliteConnectionFactory>();
        }

        services.AddHostedService<MigrationHostedService>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, ["ready"]);
        return services;
    }
}
