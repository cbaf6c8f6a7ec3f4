using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Wechat.OpenPlatform;
using WeLink.Wechat.Tokens;

namespace WeLink.Server.Tests.Platform;

/// <summary>
/// Three full WeLink nodes on one PostgreSQL database and one real Redis, all talking to the sandbox hosted
/// by the first: WeChat revokes a token five minutes after its successor is issued, so the nodes must share
/// one refresh.
/// </summary>
public sealed class ClusterTokenTests
{
    private const string TokenApi = "/cgi-bin/component/api_component_token";
    private const string ListApi = "/cgi-bin/component/api_get_authorizer_list";

    /// <remarks>
    /// Only the sandbox's clock moves: WeChat expires the token while every node still holds it as valid, so
    /// the calls made before the refresh meet 42001. The nodes must drop the cached token only while it is still
    /// the one that failed, refresh once between them, and retry each failed call once. (How many calls are
    /// in flight before the new token lands depends on scheduling; at least one always is.)
    /// </remarks>
    [Fact]
    public async Task Three_hundred_calls_across_three_nodes_meeting_an_expired_token_cause_exactly_one_refresh()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres);
        var counter = new RequestCounter();
        string[] shared = [.. database.HostArgs, $"--ConnectionStrings:Redis={TestServices.Redis}", $"--Redis:KeyPrefix=test-{Guid.NewGuid():N}:"];
        await using var first = await StartNodeAsync(shared, counter);
        var sandbox = new Uri(first.BaseAddress, "/sandbox/");
        string[] pointedAtFirst =
        [
            .. shared,
            .. SandboxSettings.RealPlatformArgs,
            $"--WeChat:ApiBaseUrl={sandbox}wechat",
            $"--WeChat:Component:AppId={SandboxSettings.ComponentAppId}",
            $"--WeChat:Component:AppSecret={SandboxSettings.ComponentSecret}",
        ];
        await using var second = await StartNodeAsync(pointedAtFirst, counter);
        await using var third = await StartNodeAsync(pointedAtFirst, counter);
        WeLinkTestHost[] nodes = [first, second, third];

        var push = await first.Http.PostAsJsonAsync(new Uri("/sandbox/control/pushes/component-verify-ticket", UriKind.Relative), new { });
        var ticket = JsonDocument.Parse(await push.Content.ReadAsStringAsync()).RootElement.GetProperty("ticket").GetString()!;
        await first.Services.GetRequiredService<IComponentTicketStore>().SaveAsync(SandboxSettings.ComponentAppId, ticket, CancellationToken.None);
        await second.Services.GetRequiredService<ComponentClient>().GetAuthorizerListAsync(0, 10, CancellationToken.None);
        Assert.Equal(1, counter.Count(TokenApi));

        await first.Http.PostAsJsonAsync(new Uri("/sandbox/control/clock/advance", UriKind.Relative), new { seconds = 7200 });
        await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            nodes[i % 3].Services.GetRequiredService<ComponentClient>().GetAuthorizerListAsync(0, 10, CancellationToken.None)));

        Assert.Equal(2, counter.Count(TokenApi));
        var expiredAnswers = counter.Errors(ListApi, 42001);
        Assert.InRange(expiredAnswers, 1, 300);
        Assert.Equal(1 + 300 + expiredAnswers, counter.Count(ListApi));
    }

    private static Task<WeLinkTestHost> StartNodeAsync(string[] args, RequestCounter counter) =>
        WeLinkTestHost.StartAsync(args, builder =>
            builder.Services.AddHttpClient(nameof(ComponentClient)).AddHttpMessageHandler(counter.CreateHandler));
}
