namespace WeLink.Server.Coordination;

/// <summary>Bound from the <c>Redis</c> section; the connection string itself is <c>ConnectionStrings:Redis</c>.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>Put before every key WeLink writes, so WeLink can share a Redis with other applications.</summary>
    public string KeyPrefix { get; set; } = "welink:";
}
