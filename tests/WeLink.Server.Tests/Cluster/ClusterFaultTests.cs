using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using WeLink.Server.Data;
using WeLink.Server.Scheduling;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tests.Complaints;
using WeLink.Server.Tests.Identities;
using Xunit.Abstractions;

namespace WeLink.Server.Tests.Cluster;

/// <summary>
/// Issue 17's fault test: two WeLink nodes behind nginx (scripts/cluster.sh), a steady load of the sandbox's pushes
/// through the balancer — followers' texts to a dealer linked through the pages, each answered by a keyword reply, a
/// customer-service message the sandbox's phone records — and node 1 killed with kill -9 mid-load, then restarted while
/// the load goes on. Then every push the balancer answered <c>success</c> for is in the conversation once, none is left
/// in the inbox, and every reply was sent (twice at most for one the kill caught mid-send). Meanwhile complaints' SLA
/// reminders fall due before the kill, while node 1 is down and after its restart, and each fires once with one reminder
/// on the manager's phone; and the Quartz jobs, one of them every second, fire each due time once on one node before and
/// after the kill. PostgreSQL only: the nodes of a cluster share one server database; a SQLite file belongs to one process.
/// </summary>
public sealed partial class ClusterFaultTests(ITestOutputHelper output)
{
    private const string Keyword = "价格";
    private const string KeywordReply = "集群测试：价格请咨询门店顾问。";
    private const int LoadConsumers = 4;

    /// <summary>How long each phase of the load runs: before the kill, the outage (at least), after the restart.</summary>
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(4);

    /// <summary>Between two pushes: a steady load the one sandbox delivers as it comes, not a flood.</summary>
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(40);

    /// <summary>
    /// The killed node's claimed pushes come back when their lease passes (a minute), and a reply it left pending is sent
    /// once it counts as abandoned: both inside this.
    /// </summary>
    private static readonly Deadline Settle = new("the cluster to settle after the load", TimeSpan.FromSeconds(90));

    /// <summary>Complaints whose reminders fall due in each window: before the kill, while node 1 is down, after its restart.</summary>
    private const int RemindersPerWindow = 2;

    /// <summary>The queue purge, a Quartz job, fires this often, so its firings surround the kill.</summary>
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromSeconds(1);

    private static readonly string[] NodeSettings =
    [
        $"--Scheduling:QueuePurgeInterval={PurgeInterval:c}",
        // Quartz takes a dead node's acquired triggers back after two check-in intervals: seconds here, not the 20 s default.
        "--Scheduling:ClusterCheckinInterval=00:00:02",
        // A timer claimed by the killed node comes back when its claim's lease passes: 10 s here rather than a minute,
        // so the test does not wait the production lease out.
        "--Cases:TimerLease=00:00:10",
        "--Logging:LogLevel:WeLink.Server.Scheduling.JobFiringLog=Information",
    ];

    [Fact]
    public async Task A_node_killed_under_load_and_restarted_leaves_every_accepted_push_handled_and_answered_once_every_timer_fired_once_and_every_job_firing_run_once()
    {
        var wall = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres);
        await using var cluster = await ClusterRun.StartAsync(database, nodes: 2, NodeSettings);
        var scene = await ClusterScene.LinkBeijingDealerAsync(cluster);
        await database.ExecuteAsync(
            """
            INSERT INTO brand_keyword_replies (id, brand_id, keyword, reply_kind, reply_text, page_title, page_path, updated_at)
            VALUES (@Id, @BrandId, @Keyword, 'text', @Reply, NULL, NULL, now())
            """,
            new { Id = Guid.CreateVersion7(), scene.BrandId, Keyword, Reply = KeywordReply });

        var openIds = new Dictionary<string, string>();
        foreach (var consumer in scene.Consumers.Take(LoadConsumers))
        {
            var follow = await scene.ControlAsync("consumers/follow", new { consumer_id = consumer, appid = scene.AppId });
            openIds[consumer] = follow.GetProperty("openid").GetString()!;
        }

        var manager = await scene.GrantRoleToFirstStaffAsync(StaffRoles.ServiceManager);
        var complaints = await FileComplaintsAsync(scene, [.. openIds.Keys], 3 * RemindersPerWindow);

        output.WriteLine($"cluster up, dealer linked, {complaints.Count} complaints filed after {wall.Elapsed.TotalSeconds:0.0} s");
        var reminders = complaints.Chunk(RemindersPerWindow).ToList();
        var load = await LoadWithNodeKillAsync(scene, [.. openIds.Keys], window => MakeRemindersDueAsync(database, reminders[window]));
        output.WriteLine($"load: {load.Sent.Count} texts; killed at {load.KilledAt.TotalSeconds:0.0} s, node 1 ready again at {load.RestartedAt.TotalSeconds:0.0} s");

        // The kill fell mid-load: pushes went out before it, while node 1 was down, and after it was back.
        Assert.True(load.Sent.Count(s => s.At < load.KilledAt) >= 20, "too little load before the kill");
        Assert.True(load.Sent.Count(s => s.At > load.KilledAt && s.At < load.RestartedAt) >= 20, "too little load while node 1 was down");
        Assert.True(load.Sent.Count(s => s.At > load.RestartedAt) >= 20, "too little load after the restart");

        var pushes = await Poll.UntilAsync(
            async () => (await scene.ControlGetAsync("pushes")).EnumerateArray().ToDictionary(p => p.GetProperty("id").GetInt64()),
            all => load.Sent.All(s => all[s.PushId].GetProperty("status").GetString() is "Delivered" or "Failed"),
            Settle,
            "every push of the load to be delivered or given up");
        await Poll.UntilAsync(
            () => database.ScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 'pending'"),
            pending => pending == 0,
            Settle,
            "the inbox to be drained");

        var texts = (await database.QueryAsync<(string Text, long Count)>(
                "SELECT text, COUNT(*) FROM conversation_messages WHERE direction = 'in' AND kind = 'text' GROUP BY text"))
            .ToDictionary(r => r.Text, r => r.Count);
        var accepted = 0;
        var retried = 0;
        foreach (var sent in load.Sent)
        {
            var push = pushes[sent.PushId];
            var attempts = push.GetProperty("attempts").EnumerateArray().ToList();
            retried += attempts.Count > 1 ? 1 : 0;
            if (push.GetProperty("status").GetString() == "Delivered")
            {
                accepted++;
                Assert.Equal("success", push.GetProperty("reply").GetString());
                Assert.True(texts.GetValueOrDefault(sent.Content) == 1, $"'{sent.Content}' was accepted and is in the conversation {texts.GetValueOrDefault(sent.Content)} times");
            }
            else
            {
                // Given up after three attempts: a node may have stored it before it died unanswered, but once at most.
                Assert.True(texts.GetValueOrDefault(sent.Content) <= 1, $"'{sent.Content}' is in the conversation {texts[sent.Content]} times");
            }
        }

        output.WriteLine($"accepted {accepted} of {load.Sent.Count}; {retried} pushes needed more than one attempt");
        Assert.True(accepted >= load.Sent.Count - 5, $"only {accepted} of {load.Sent.Count} pushes were accepted: the balancer did not steer around the dead node");
        Assert.Equal(0, await database.ScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 'parked'"));

        // Every text recorded was answered: the conversation holds one keyword reply per text, none left pending, and each
        // phone received a reply per recorded text — a text handled twice would have been answered twice. A reply the killed
        // node had written but not sent is sent by the text's redelivery once it counts as abandoned
        // (ConversationReplies.AbandonedAfter); it reaches the phone twice only if the node died after WeChat took it and
        // before it was marked sent, which only a lane in flight on the killed node can do: one per consumer at most.
        Assert.Equal(
            texts.Values.Sum(),
            await database.ScalarAsync<long>("SELECT COUNT(*) FROM conversation_messages WHERE direction = 'out' AND text = @KeywordReply", new { KeywordReply }));
        Assert.Equal(
            0,
            await database.ScalarAsync<long>(
                "SELECT COUNT(*) FROM conversation_messages WHERE direction = 'out' AND text = @KeywordReply AND delivery <> 'sent'", new { KeywordReply }));
        var twice = 0;
        foreach (var (consumer, openId) in openIds)
        {
            var recorded = load.Sent.Count(s => s.Consumer == consumer && texts.ContainsKey(s.Content));
            var received = await Poll.UntilAsync(
                async () => (await scene.ControlGetAsync($"messages?recipient={Uri.EscapeDataString(openId)}")).EnumerateArray()
                    .Count(IsKeywordReply),
                count => count >= recorded,
                Settle,
                $"the replies to {consumer}'s {recorded} texts");
            Assert.InRange(received, recorded, recorded + 1);
            twice += received - recorded;
        }

        output.WriteLine($"replies that reached a phone twice (the kill fell between WeChat taking them and their mark): {twice}");

        await AssertEachReminderFiredOnceAsync(scene, database, complaints, manager);
        AssertEachQuartzFiringRanOnce(cluster, load);
        output.WriteLine($"wall time {wall.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Complaints filed by the followers through the balancer, as the consumer's page files them: signed in with OAuth.</summary>
    private static async Task<IReadOnlyList<Guid>> FileComplaintsAsync(ClusterScene scene, IReadOnlyList<string> consumers, int count)
    {
        var browsers = new List<HttpClient>();
        try
        {
            foreach (var consumer in consumers)
            {
                var browser = scene.Cluster.NewBrowser();
                browsers.Add(browser);
                Assert.Equal(HttpStatusCode.Redirect, (await IdentityWorld.SignInConsumerAsync(browser, scene.DealerId, consumer)).StatusCode);
            }

            var filed = new List<Guid>();
            for (var i = 0; i < count; i++)
            {
                filed.Add((await ComplaintTests.FileAsync(browsers[i % browsers.Count], $"cluster-{i}", "车辆故障", "high")).Id);
            }

            return filed;
        }
        finally
        {
            browsers.ForEach(b => b.Dispose());
        }
    }

    /// <summary>
    /// The complaints' first-response reminders fall due now: moving <c>due_at</c> is time passing for these timers alone.
    /// The reminder is the timer to watch because its transition keeps the state: a second firing that got past the fire's
    /// key (the timer id) would be a second history row and a second reminder, where a breach's second firing would merely
    /// be refused by the state it left.
    /// Every reminder moved was still waiting (none had fired before its window).
    /// </summary>
    private static async Task MakeRemindersDueAsync(TestDatabase database, Guid[] caseIds)
    {
        var moved = await database.ScalarAsync<long>(
            """
            WITH moved AS (
                UPDATE case_timers SET due_at = now() WHERE case_id = ANY(@caseIds) AND trigger = 'first_response_reminder' RETURNING 1)
            SELECT COUNT(*) FROM moved
            """,
            new { caseIds });
        Assert.Equal(caseIds.Length, moved);
    }

    /// <summary>
    /// Each reminder fired once: one history row of its trigger per case (none would be a timer lost with the killed node,
    /// two a timer fired by both nodes), one outbox item, delivered, and one reminder on the manager's phone per case (an
    /// outbox item sent again after the kill would show here).
    /// </summary>
    private static async Task AssertEachReminderFiredOnceAsync(ClusterScene scene, TestDatabase database, IReadOnlyList<Guid> caseIds, string manager)
    {
        var ids = new { caseIds = caseIds.ToArray() };
        await Poll.UntilAsync(
            () => database.ScalarAsync<long>(
                "SELECT COUNT(*) FROM outbox WHERE case_id = ANY(@caseIds) AND action = 'remind_first_response' AND status = 'done'", ids),
            done => done >= caseIds.Count,
            Settle,
            "every reminder to fire and be delivered");
        var fired = (await database.QueryAsync<(Guid CaseId, long Count)>(
                "SELECT case_id, COUNT(*) FROM case_history WHERE case_id = ANY(@caseIds) AND trigger = 'first_response_reminder' GROUP BY case_id", ids))
            .ToDictionary(r => r.CaseId, r => r.Count);
        var queued = (await database.QueryAsync<(Guid CaseId, long Count)>(
                "SELECT case_id, COUNT(*) FROM outbox WHERE case_id = ANY(@caseIds) AND action = 'remind_first_response' GROUP BY case_id", ids))
            .ToDictionary(r => r.CaseId, r => r.Count);
        Assert.Equal(0, await database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM case_timers WHERE case_id = ANY(@caseIds) AND trigger = 'first_response_reminder'", ids));
        var messages = (await scene.ControlGetAsync($"messages?recipient={Uri.EscapeDataString(manager)}")).EnumerateArray()
            .Select(m => string.Join('\n', Strings(m.GetProperty("body"))))
            .Where(body => body.Contains("首次响应时限", StringComparison.Ordinal))
            .ToList();
        foreach (var caseId in caseIds)
        {
            Assert.True(fired.GetValueOrDefault(caseId) == 1, $"the reminder of case {caseId} fired {fired.GetValueOrDefault(caseId)} times");
            Assert.True(queued.GetValueOrDefault(caseId) == 1, $"case {caseId} has {queued.GetValueOrDefault(caseId)} reminder deliveries");
            Assert.Single(messages, body => body.Contains(caseId.ToString(), StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Every Quartz firing the nodes logged (<c>JobFiringLog</c>) ran once: no job's due time fired twice, on one node or
    /// two — what a job store shared without clustering would do, each node firing the same triggers. The purge, due
    /// every second, fired both before the kill and after the restart, so the kill fell between its firings.
    /// </summary>
    private void AssertEachQuartzFiringRanOnce(ClusterRun cluster, LoadResult load)
    {
        var firings = cluster.NodeLogLines().Select(JobFiring.Parse).OfType<JobFiring>().ToList();
        var doubled = firings.GroupBy(f => (f.Job, f.ScheduledFor)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Job} at {g.Key.ScheduledFor:O}").ToList();
        Assert.True(doubled.Count == 0, $"fired twice: {string.Join(", ", doubled)}");
        var purges = firings.Where(f => f.Job == PurgeFinishedQueueRowsJob.Key.ToString()).ToList();
        output.WriteLine($"quartz: {firings.Count} firings on {firings.Select(f => f.Instance).Distinct().Count()} scheduler instances, {purges.Count} of them the purge");
        Assert.Contains(purges, p => p.ScheduledFor < load.KilledAtUtc);
        Assert.Contains(purges, p => p.ScheduledFor > load.RestartedAtUtc);
    }

    /// <summary>
    /// Texts from the consumers in turn at a steady pace; node 1 is killed after one phase and restarted after another
    /// while the texts go on, which stop one phase after node 1 answers ready again.
    /// </summary>
    private static async Task<LoadResult> LoadWithNodeKillAsync(ClusterScene scene, IReadOnlyList<string> consumers, Func<int, Task> dueInWindow)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan killedAt = TimeSpan.MaxValue, restartedAt = TimeSpan.MaxValue;
        DateTimeOffset killedAtUtc = default, restartedAtUtc = default;
        var faults = Task.Run(async () =>
        {
            // Due shortly before the kill, so node 1 may die holding some; due while it is down; due once it is back.
            await Task.Delay(Phase - TimeSpan.FromSeconds(1));
            await dueInWindow(0);
            await Task.Delay(TimeSpan.FromSeconds(1));
            await scene.Cluster.KillAsync(1);
            (killedAt, killedAtUtc) = (clock.Elapsed, DateTimeOffset.UtcNow);
            await dueInWindow(1);
            await Task.Delay(Phase);
            await scene.Cluster.RestartAsync(1);
            (restartedAt, restartedAtUtc) = (clock.Elapsed, DateTimeOffset.UtcNow);
            await dueInWindow(2);
        });

        var sent = new List<SentText>();
        // A kill or restart that failed ends the load at once; awaiting the faults below then reports why.
        while (!faults.IsCompleted || (faults.IsCompletedSuccessfully && clock.Elapsed < restartedAt + Phase))
        {
            var consumer = consumers[sent.Count % consumers.Count];
            var content = $"{Keyword}？第 {sent.Count} 条";
            var at = clock.Elapsed;
            var push = await scene.ControlAsync("consumers/send-text", new { consumer_id = consumer, appid = scene.AppId, content });
            sent.Add(new SentText(push.GetProperty("push_id").GetInt64(), consumer, content, at));
            await Task.Delay(Pace);
        }

        await faults;
        return new LoadResult(sent, killedAt, restartedAt, killedAtUtc, restartedAtUtc);
    }

    /// <summary>Every string in a message body as the account sent it (the raw JSON escapes Chinese).</summary>
    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    /// <summary>A customer-service text carrying the keyword's reply (the body as the account sent it to the sandbox).</summary>
    private static bool IsKeywordReply(JsonElement message) =>
        message.GetProperty("body").TryGetProperty("text", out var text) && text.GetProperty("content").GetString() == KeywordReply;

    private sealed record SentText(long PushId, string Consumer, string Content, TimeSpan At);

    private sealed record LoadResult(
        IReadOnlyList<SentText> Sent, TimeSpan KilledAt, TimeSpan RestartedAt, DateTimeOffset KilledAtUtc, DateTimeOffset RestartedAtUtc);

    /// <summary>One firing as <c>JobFiringLog</c> wrote it in a node's JSON log.</summary>
    private sealed partial record JobFiring(string Job, DateTimeOffset ScheduledFor, string Instance)
    {
        public static JobFiring? Parse(string line)
        {
            if (!line.Contains("JobFiringLog", StringComparison.Ordinal))
            {
                return null;
            }

            var entry = JsonDocument.Parse(line).RootElement;
            if (entry.GetProperty("Category").GetString() != typeof(JobFiringLog).FullName
                || FiringMessage().Match(entry.GetProperty("Message").GetString()!) is not { Success: true } firing)
            {
                return null;
            }

            return new JobFiring(
                firing.Groups["job"].Value,
                DateTimeOffset.Parse(firing.Groups["due"].Value, CultureInfo.InvariantCulture),
                firing.Groups["instance"].Value);
        }

        [GeneratedRegex(@"^Quartz job (?<job>\S+) fires for (?<due>\S+) on scheduler instance (?<instance>\S+)")]
        private static partial Regex FiringMessage();
    }
}
