using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using WeLink.Server.Callbacks;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Data;
using WeLink.Server.Scheduling;

namespace WeLink.Server.Tests.Foundation;

public abstract class SchedulingTests(DatabaseProvider provider)
{
    protected DatabaseProvider Provider => provider;

    [Fact]
    public async Task A_job_scheduled_before_a_restart_fires_after_it()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var host = await WeLinkTestHost.StartAsync(database.HostArgs);
        await database.ExecuteAsync(RecordingJob.CreateTableSql);
        // On standby this node stores the trigger but never fires it, however slowly it shuts down; Quartz starts
        // the scheduler once the application has started, so standby must come after that.
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await Poll.UntilAsync(() => Task.FromResult(scheduler.Status), status => status == SchedulerStatus.Running, Deadline.Scheduler, "the scheduler to start");
        await scheduler.Standby();
        await ScheduleAsync(host, "after-restart", DateTimeOffset.UtcNow.AddSeconds(1), repeats: 0);
        await host.DisposeAsync();
        Assert.Equal(0, await RunCountAsync(database));

        await using var restarted = await WeLinkTestHost.StartAsync(database.HostArgs);

        var runs = await Poll.UntilAsync(() => RunCountAsync(database), n => n >= 1, Deadline.Scheduler, "the job to fire after the restart");
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task The_recurring_purge_job_deletes_only_expired_dedup_keys()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await using var host = await WeLinkTestHost.StartAsync(database.HostArgs, b => b.Services.AddSingleton<TimeProvider>(clock));
        await database.ExecuteAsync(
            "INSERT INTO dedup_keys (key, expires_at) VALUES ('expired', @expired), ('live', @live)",
            new { expired = clock.GetUtcNow().AddMinutes(-1), live = clock.GetUtcNow().AddMinutes(1) });

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(PurgeExpiredDedupKeysJob.Key);

        await Poll.UntilAsync(
            () => database.ScalarAsync<long>("SELECT COUNT(*) FROM dedup_keys WHERE key = 'expired'"),
            n => n == 0,
            Deadline.Scheduler,
            "the expired key to be purged");
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT COUNT(*) FROM dedup_keys WHERE key = 'live'"));
    }

    [Fact]
    public async Task The_recurring_queue_purge_deletes_finished_inbox_events_past_their_retention_and_keeps_the_rest()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await using var host = await WeLinkTestHost.StartAsync([.. database.HostArgs, "--Inbox:Retention=7.00:00:00"], b => b.Services.AddSingleton<TimeProvider>(clock));
        var old = clock.GetUtcNow().AddDays(-8);
        InboxEntry Entry(string key, string status, DateTimeOffset at) =>
            new(Guid.CreateVersion7(), CallbackChannel.Component, null, key, "text", "<xml/>", at, status);
        await host.Services.GetRequiredService<InboxStore>().AddNewAsync(
            [
                Entry("old-done", InboxStatus.Done, old),
                Entry("old-ignored", InboxStatus.Ignored, old),
                Entry("old-parked", InboxStatus.Parked, old),
                Entry("recent-done", InboxStatus.Done, clock.GetUtcNow().AddDays(-6)),
            ],
            CancellationToken.None);

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(PurgeFinishedQueueRowsJob.Key);

        await Poll.UntilAsync(
            () => database.ScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE dedup_key LIKE 'old-%'"),
            n => n == 1,
            Deadline.Scheduler,
            "the old handled and ignored events to be purged");
        Assert.Equal(
            ["old-parked", "recent-done"],
            await database.QueryAsync<string>("SELECT dedup_key FROM inbox ORDER BY dedup_key"));
    }

    protected static async Task ScheduleAsync(WeLinkTestHost host, string name, DateTimeOffset startAt, int repeats)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = JobBuilder.Create<RecordingJob>().WithIdentity(name, "tests").Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(name, "tests")
            .StartAt(startAt)
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(1)).WithRepeatCount(repeats))
            .Build();
        await scheduler.ScheduleJob(job, trigger);
    }

    protected static Task<long> RunCountAsync(TestDatabase database) =>
        database.ScalarAsync<long>("SELECT COUNT(*) FROM test_job_runs");
}

public sealed class SchedulingTests_on_Sqlite() : SchedulingTests(DatabaseProvider.Sqlite);

public sealed class SchedulingTests_on_Postgres() : SchedulingTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task A_job_scheduled_on_one_node_fires_once_per_firing_across_two_nodes()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(Provider);
        await using var first = await WeLinkTestHost.StartAsync(database.HostArgs);
        await using var second = await WeLinkTestHost.StartAsync(database.HostArgs);
        await database.ExecuteAsync(RecordingJob.CreateTableSql);

        await ScheduleAsync(first, "clustered", DateTimeOffset.UtcNow.AddSeconds(2), repeats: 5);

        await Poll.UntilAsync(() => RunCountAsync(database), n => n >= 6, Deadline.Scheduler, "six firings");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(6, await RunCountAsync(database));
        Assert.Equal(6, await database.ScalarAsync<long>("SELECT COUNT(DISTINCT scheduled_at) FROM test_job_runs"));
    }
}
