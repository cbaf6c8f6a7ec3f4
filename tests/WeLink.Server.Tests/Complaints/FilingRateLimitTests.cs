using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WeLink.Server.Complaints.Api;
using WeLink.Server.Data;
using WeLink.Server.Shared;

namespace WeLink.Server.Tests.Complaints;

/// <summary>One consumer cannot bury a dealer's staff in complaints: the filing limit, per consumer, with a 429 that says when to retry.</summary>
public abstract class FilingRateLimitTests(DatabaseProvider provider)
{
    private static readonly Uri Complaints = new("/api/consumer/complaints", UriKind.Relative);

    [Fact]
    public async Task A_flood_of_filings_meets_429_with_Retry_After_while_the_earlier_ones_are_stored_and_another_consumer_files_as_usual()
    {
        await using var world = await ComplaintWorld.StartAsync(
            provider, "--RateLimits:ConsumerFilings:PermitLimit=3", "--RateLimits:ConsumerFilings:Window=00:10:00");
        using var flooder = await world.ConsumerAsync(world.People[0]);
        using var neighbour = await world.ConsumerAsync(world.People[1]);

        var flood = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            flood.Add(await FileAsync(flooder, $"flood-{i}"));
        }

        using var other = await FileAsync(neighbour, "neighbour");

        Assert.Equal([201, 201, 201, 429, 429, 429], flood.Select(r => (int)r.StatusCode));
        var refused = flood[3];
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Matches(@"^您提交得太频繁了，请在 \d+ 秒后再试。$", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(3, (await flooder.GetFromJsonAsync<List<ComplaintResponse>>(Complaints))!.Count);
        Assert.Single((await neighbour.GetFromJsonAsync<List<ComplaintResponse>>(Complaints))!);
        flood.ForEach(r => r.Dispose());
    }

    private static async Task<HttpResponseMessage> FileAsync(HttpClient consumer, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Complaints)
        {
            Content = JsonContent.Create(new { category = "服务态度", description = "保养后发动机异响，沟通时态度冷淡。", severity = "normal" }),
        };
        request.Headers.Add(IdempotencyKey.Header, idempotencyKey);
        return await consumer.SendAsync(request);
    }
}

public sealed class FilingRateLimitTests_on_Sqlite() : FilingRateLimitTests(DatabaseProvider.Sqlite);

public sealed class FilingRateLimitTests_on_Postgres() : FilingRateLimitTests(DatabaseProvider.Postgres);
