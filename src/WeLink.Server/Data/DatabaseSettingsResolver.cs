using Microsoft.Data.Sqlite;
using Npgsql;
using WeLink.Server.Shared;

namespace WeLink.Server.Data;

/// <summary>
/// Turns configuration into <see cref="DatabaseSettings"/>, or a <see cref="StartupConfigurationException"/>
/// whose message names the key that is wrong. Runs before anything touches the database.
/// </summary>
public static class DatabaseSettingsResolver
{
    /// <summary>Statements each PostgreSQL connection keeps prepared unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 256;

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

            // Every request repeats a few hundred SQL texts; prepared once per connection, PostgreSQL stops parsing and
            // planning them each time (about twice the transitions per second). A connection string that says
            // otherwise, including 0, is kept.
            if (!Names(raw, "Max Auto Prepare", "MaxAutoPrepare"))
            {
                builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
            }

            // A pooled connection is reset when it goes back to the pool: with prepared statements kept, that is seven
            // statements (RESET ALL, UNLISTEN *, pg_advisory_unlock_all() …) sent ahead of the next command, three in
            // four of all the statements PostgreSQL ran in the callback mix. WeLink leaves no session state on a pooled
            // connection (no SET, LISTEN or temporary table; the migrator's advisory lock has an unpooled connection of
            // its own), so nothing needs resetting. A connection string that says otherwise is kept.
            if (!Names(raw, "No Reset On Close", "NoResetOnClose"))
            {
                builder.NoResetOnClose = true;
            }

            return builder.ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StartupConfigurationException(
                $"{DatabaseOptions.ConnectionStringKey} is not a valid PostgreSQL connection string: {e.Message}");
        }
    }

    private static bool Names(string connectionString, params string[] keys)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.Any(given.ContainsKey);
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
