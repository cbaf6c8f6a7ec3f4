using Dapper;
using Quartz;
using WeLink.Server.Data;

namespace WeLink.Server.Scheduling;

/// <summary>Deletes de-duplication keys whose window has passed, so the table stays small.</summary>
[DisallowConcurrentExecution]
public sealed partial class PurgeExpiredDedupKeysJob(
    IDbConnectionFactory connections,
    TimeProvider time,
    ILogger<PurgeExpiredDedupKeysJob> logger) : IJob
{
    public static readonly JobKey Key = new("purge-expired-dedup-keys", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM dedup_keys WHERE expires_at < @now";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var purged = await connection.ExecuteAsync(
            new CommandDefinition(sql, new { now = time.GetUtcNow() }, cancellationToken: cancellationToken));
        LogPurged(purged);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} expired de-duplication keys")]
    private partial void LogPurged(int count);
}
