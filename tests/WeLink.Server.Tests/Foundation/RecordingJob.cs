using System.Globalization;
using Dapper;
using Quartz;
using WeLink.Server.Data;

namespace WeLink.Server.Tests.Foundation;

/// <summary>A job that records each firing (scheduled time and node) in the test table <c>test_job_runs</c>.</summary>
public sealed class RecordingJob(IDbConnectionFactory connections) : IJob
{
    public const string CreateTableSql = "CREATE TABLE test_job_runs (scheduled_at TEXT NOT NULL, instance TEXT NOT NULL)";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        const string sql = "INSERT INTO test_job_runs (scheduled_at, instance) VALUES (@scheduledAt, @instance)";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                scheduledAt = context.ScheduledFireTimeUtc?.ToString("O", CultureInfo.InvariantCulture) ?? "unscheduled",
                instance = context.Scheduler.SchedulerInstanceId,
            },
            cancellationToken: cancellationToken));
    }
}
