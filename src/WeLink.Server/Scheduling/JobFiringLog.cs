using Quartz;
using Quartz.Extensibility;

namespace WeLink.Server.Scheduling;

/// <summary>
/// Logs every firing of every Quartz job with the time its trigger was due and the node's scheduler instance: on a
/// cluster this is the trace that each firing ran once and on which node (a firing twice shows as one due time logged
/// twice), and what an operator reads to see that a recurring job still runs after a node died.
/// </summary>
public sealed partial class JobFiringLog(ILogger<JobFiringLog> logger) : IJobListener
{
    public string Name => nameof(JobFiringLog);

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        LogFiring(context.JobDetail.Key, context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId, context.Recovering);
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Quartz job {Job} fires for {ScheduledFireTime:O} on scheduler instance {Instance} (recovering: {Recovering})")]
    private partial void LogFiring(JobKey job, DateTimeOffset? scheduledFireTime, string instance, bool recovering);
}
