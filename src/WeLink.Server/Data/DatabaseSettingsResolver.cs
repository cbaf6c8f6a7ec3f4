using Microsoft.Data.Sqlite;
using Npgsql;
using WeLink.Server.Hosting;

namespace WeLink.Server.Data;

/// <summary>
/// Turns configuration into <see cref="DatabaseSettings"/>, or a <see cref="StartupConfigurationException"/>
/// whose message names the key that is wrong. Runs before anything touches the database.
/// </summary>
public static class DatabaseSettingsResolver
{
    public static DatabaseSettings Resolve(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        DatabaseProvider provider;
        try
        {
            provider = options.ParsedProvider;
        }
        catch (InvalidOperationException e)
        {
            throw new StartupConfigurationException(e.Message);
        }

        var raw = configuration[DatabaseOptions.ConnectionStringKey];
        return provider switch
        {
            DatabaseProvider.Postgres => new DatabaseSettings(provider, ResolvePostgres(raw)),
            _ => new DatabaseSettings(provider, ResolveSqlite(raw, contentRoot, options.SqliteBusyTimeoutSeconds)),
        };
    }

    private static string ResolvePostgres(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new StartupConfigurationException(
                $"{DatabaseOptions.ConnectionStringKey} is required when Database:Provider is 'postgres'.");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(raw);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw new ArgumentException("it names no Host");
            }

            return builder.ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StartupConfigurationException(
                $"{DatabaseOptions.ConnectionStringKey} is not a valid PostgreSQL connection string: {e.Message}");
        }
    }

    private static string ResolveSqlite(string? raw, string contentRoot, int busyTimeoutSeconds)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(raw) ? DatabaseOptions.DefaultSqliteConnectionString : raw);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StartupConfigurationException(
                $"{DatabaseOptions.ConnectionStringKey} is not a valid SQLite connection string: {e.Message}");
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new StartupConfigurationException($"{DatabaseOptions.ConnectionStringKey} names no SQLite Data Source.");
        }

        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        builder.ForeignKeys = true;
        builder.DefaultTimeout = busyTimeoutSeconds;
        builder.Pooling = true;
        return builder.ConnectionString;
    }
}
