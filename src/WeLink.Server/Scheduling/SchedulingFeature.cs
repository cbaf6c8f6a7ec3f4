using Quartz;
using WeLink.Server.Data;

namespace WeLink.Server.Scheduling;

public static class SchedulingFeature
{
    /// <summary>
    /// Quartz.NET on a persistent ADO job store in WeLink's own database: clustered on PostgreSQL, so each
    /// trigger fires on exactly one node; a single-node store on SQLite, so nothing scheduled is lost on restart.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        var options = configuration.GetSection(SchedulingOptions.SectionName).Get<SchedulingOptions>() ?? new SchedulingOptions();
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.SectionName))
            .Validate(o => o.QueuePurgeInterval > TimeSpan.Zero && o.QueuePurgeBatchSize is > 0 and <= 100_000,
                "Scheduling:QueuePurgeInterval must be positive and Scheduling:QueuePurgeBatchSize between 1 and 100000.")
            .ValidateOnStart();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = options.SchedulerName;
                s.GenerateInstanceId = true;
            });
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();

                // Our migrations create Quartz's tables (QuartzSchemaScriptProvider); Quartz only checks them.
                store.ConfigureStore(s => s.SchemaProvisioning = SchemaProvisioning.Validate);
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.ClusterCheckinInterval;
                        c.CheckinMisfireThreshold = options.ClusterCheckinInterval * 2;
                    });
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }
            });

            q.AddJobListener<JobFiringLog>([GroupMatcher<JobKey>.AnyGroup()]);
            q.ScheduleJob<PurgeExpiredDedupKeysJob>(
                trigger => trigger
                    .WithIdentity("purge-expired-dedup-keys", "maintenance")
                    .StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(options.DedupPurgeInterval).RepeatForever()),
                job => job.WithIdentity(PurgeExpiredDedupKeysJob.Key));
            q.ScheduleJob<PurgeFinishedQueueRowsJob>(
                trigger => trigger
                    .WithIdentity(PurgeFinishedQueueRowsJob.Key.Name, PurgeFinishedQueueRowsJob.Key.Group)
                    .StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(options.QueuePurgeInterval).RepeatForever()),
                job => job.WithIdentity(PurgeFinishedQueueRowsJob.Key));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
