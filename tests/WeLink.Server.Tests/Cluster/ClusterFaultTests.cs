using System.Diagnostics;
using System.Text.Json;
using WeLink.Server.Data;
using Xunit.Abstractions;

namespace WeLink.Server.Tests.Cluster;

/// <summary>
/// Issue 17's fault test: two WeLink nodes behind nginx (scripts/cluster.sh), a steady load of the sandbox's pushes
/// through the balancer — followers' texts to a dealer linked through the pages, each answered by a keyword reply, a
/// customer-service message the sandbox's phone records — and node 1 killed with kill -9 mid-load, then restarted while
/// the load goes on. Then every push the balancer answered <c>success</c> for is in the conversation once and answered
/// once, none is left in the inbox, and no reply reached a phone twice.
/// PostgreSQL only: the nodes of a cluster share one server database; a SQLite file belongs to one process.
/// </summary>
public sealed class ClusterFaultTests(ITestOutputHelper output)
{
    private const string Keyword = "价格";
    private const string KeywordReply = "集群测试：价格请咨询门店顾问。";
    private const int LoadConsumers = 4;

    /// <summary>How long each phase of the load runs: before the kill, the outage (at least), after the restart.</summary>
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(4);

    /// <summary>Between two pushes: a steady load the one sandbox delivers as it comes, not a flood.</summary>
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(40);

    private static readonly Deadline Settle = new("the cluster to settle after the load", TimeSpan.FromSeconds(60));

    [Fact]
    public async Task A_node_killed_under_load_and_restarted_leaves_every_accepted_push_handled_once_and_answered_once()
    {
        var wall = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres);
        await using var cluster = await ClusterRun.StartAsync(database, nodes: 2);
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

        output.WriteLine($"cluster up and dealer linked after {wall.Elapsed.TotalSeconds:0.0} s");
        var load = await LoadWithNodeKillAsync(scene, [.. openIds.Keys]);
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

        // Every text recorded was answered once: the conversation holds one keyword reply per text, and each phone received
        // as many replies as its texts were recorded — a text handled twice would have been answered twice.
        Assert.Equal(
            texts.Values.Sum(),
            await database.ScalarAsync<long>("SELECT COUNT(*) FROM conversation_messages WHERE direction = 'out' AND text = @KeywordReply", new { KeywordReply }));
        foreach (var (consumer, openId) in openIds)
        {
            var recorded = load.Sent.Count(s => s.Consumer == consumer && texts.ContainsKey(s.Content));
            var received = await Poll.UntilAsync(
                async () => (await scene.ControlGetAsync($"messages?recipient={Uri.EscapeDataString(openId)}")).EnumerateArray()
                    .Count(IsKeywordReply),
                count => count >= recorded,
                Settle,
                $"the replies to {consumer}'s {recorded} texts");
            Assert.Equal(recorded, received);
        }

        output.WriteLine($"wall time {wall.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// Texts from the consumers in turn at a steady pace; node 1 is killed after one phase and restarted after another
    /// while the texts go on, which stop one phase after node 1 answers ready again.
    /// </summary>
    private static async Task<LoadResult> LoadWithNodeKillAsync(ClusterScene scene, IReadOnlyList<string> consumers)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan killedAt = TimeSpan.MaxValue, restartedAt = TimeSpan.MaxValue;
        var faults = Task.Run(async () =>
        {
            await Task.Delay(Phase);
            await scene.Cluster.KillAsync(1);
            killedAt = clock.Elapsed;
            await Task.Delay(Phase);
            await scene.Cluster.RestartAsync(1);
            restartedAt = clock.Elapsed;
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
        return new LoadResult(sent, killedAt, restartedAt);
    }

    /// <summary>A customer-service text carrying the keyword's reply (the body as the account sent it to the sandbox).</summary>
    private static bool IsKeywordReply(JsonElement message) =>
        message.GetProperty("body").TryGetProperty("text", out var text) && text.GetProperty("content").GetString() == KeywordReply;

    private sealed record SentText(long PushId, string Consumer, string Content, TimeSpan At);

    private sealed record LoadResult(IReadOnlyList<SentText> Sent, TimeSpan KilledAt, TimeSpan RestartedAt);
}
