namespace WeLink.Server.Data;

/// <summary>Which database WeLink uses. The connection string itself is <c>ConnectionStrings:WeLink</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringKey = "ConnectionStrings:WeLink";
    public const string DefaultSqliteConnectionString = "Data Source=data/welink.db";

    /// <summary><c>sqlite</c> (embedded default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Apply pending migrations when the host starts (they are guarded so nodes do not collide).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Seconds a SQLite writer waits for the file lock before giving up.</summary>
    public int SqliteBusyTimeoutSeconds { get; set; } = 30;

    public DatabaseProvider ParsedProvider => Provider.Trim().ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Database:Provider must be 'sqlite' or 'postgres', not '{Provider}'."),
    };
}
