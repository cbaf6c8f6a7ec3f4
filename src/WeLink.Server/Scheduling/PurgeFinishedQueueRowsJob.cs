using Microsoft.Extensions.Options;
using Quartz;
using WeLink.Server.Data.Queues;

namespace WeLink.Server.Scheduling;

/// <summary>
/// Deletes every queue's finished rows older than its retention (<see cref="QueueRetention"/>): the inbox's handled and
/// ignored events, the outbox's delivered items. On one node at a time (the schedule is clustered on PostgreSQL).
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class PurgeFinishedQueueRowsJob(
    IEnumerable<QueueRetention> queues,
    IOptions<SchedulingOptions> options,
    TimeProvider time,
    ILogger<PurgeFinishedQueueRowsJob> logger) : IJob
{
    public static readonly JobKey Key = new("purge-finished-queue-rows", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var queue in queues)
        {
            var purged = await queue.PurgeAsync(time.GetUtcNow(), options.Value.QueuePurgeBatchSize, cancellationToken);
            if (purged > 0)
            {
                LogPurged(purged, queue.Table);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} finished rows of {Table} past their retention")]
    private partial void LogPurged(int count, string table);
}
