using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Wechat.OpenPlatform;
using WeLink.Wechat.Tokens;

namespace WeLink.Sandbox.Tests.Clients;

/// <summary>
/// WeChat revokes a token five minutes after issuing its successor, so every WeLink node must share one
/// refresh. These tests count the requests that reach the sandbox's token endpoints.
/// </summary>
public sealed class TokenSingleFlightTests
{
    private const string ComponentTokenApi = "/cgi-bin/component/api_component_token";
    private const string ListApi = "/cgi-bin/component/api_get_authorizer_list";
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(7200);
    private readonly SharedState _shared = new();

    [Fact]
    public async Task Three_hundred_calls_with_an_expired_token_on_one_node_cause_one_refresh()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        await using var node = WelinkNode.Start(host, _shared);
        await node.Get<ComponentClient>().GetAuthorizerListAsync(0, 100, CancellationToken.None);
        ExpireTokens(host);

        var answers = await Task.WhenAll(Enumerable.Range(0, 300)
            .Select(_ => node.Get<ComponentClient>().GetAuthorizerListAsync(0, 100, CancellationToken.None)));

        Assert.Equal(300, answers.Length);
        Assert.Equal(2, _shared.Wire.Count(ComponentTokenApi));
        Assert.Equal(301, _shared.Wire.Count(ListApi));
    }

    [Fact]
    public async Task Three_hundred_calls_with_an_expired_token_across_three_nodes_cause_one_refresh()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        await using var first = WelinkNode.Start(host, _shared);
        await using var second = WelinkNode.Start(host, _shared);
        await using var third = WelinkNode.Start(host, _shared);
        WelinkNode[] nodes = [first, second, third];
        await first.Get<ComponentClient>().GetAuthorizerListAsync(0, 100, CancellationToken.None);
        ExpireTokens(host);

        await Task.WhenAll(Enumerable.Range(0, 300)
            .Select(i => nodes[i % 3].Get<ComponentClient>().GetAuthorizerListAsync(0, 100, CancellationToken.None)));

        Assert.Equal(2, _shared.Wire.Count(ComponentTokenApi));
        Assert.Equal(301, _shared.Wire.Count(ListApi));
    }

    [Fact]
    public async Task Three_hundred_authorizer_token_requests_across_three_nodes_cause_one_refresh()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        var authorization = await host.AuthorizeDealerAccountAsync(_shared);
        await using var first = WelinkNode.Start(host, _shared);
        await using var second = WelinkNode.Start(host, _shared);
        await using var third = WelinkNode.Start(host, _shared);
        WelinkNode[] nodes = [first, second, third];

        var tokens = await Task.WhenAll(Enumerable.Range(0, 300)
            .Select(i => nodes[i % 3].Get<AuthorizerTokenProvider>().GetAsync(authorization.AuthorizerAppId, CancellationToken.None)));

        Assert.Single(tokens.Distinct());
        Assert.Equal(1, _shared.Wire.Count("/cgi-bin/component/api_authorizer_token"));
        Assert.Equal(1, _shared.Wire.Count(ComponentTokenApi));
    }

    [Fact]
    public async Task A_40001_for_a_replaced_token_causes_one_refresh_and_one_retry()
    {
        await using var host = await SandboxHost.StartAsync();
        var ticket = await host.DeliverComponentTicketAsync(_shared);
        await host.AuthorizeDealerAccountAsync(_shared);
        await using var node = WelinkNode.Start(host, _shared);
        var client = node.Get<ComponentClient>();
        var replaced = await client.GetComponentAccessTokenAsync(CancellationToken.None);
        await ReplaceTokenBehindWelinksBackAsync(host, ticket);

        var info = await client.GetAuthorizerInfoAsync(host.DealerAccount().AppId, CancellationToken.None);

        Assert.Equal(host.DealerAccount().Nickname, info.AuthorizerInfo.NickName);
        Assert.Equal(2, _shared.Wire.Count(ComponentTokenApi));
        Assert.Equal(2, _shared.Wire.Count("/cgi-bin/component/api_get_authorizer_info"));
        Assert.NotEqual(replaced, await client.GetComponentAccessTokenAsync(CancellationToken.None));
        Assert.Contains(_shared.Logs.Lines, line => line.Contains("refused the access token", StringComparison.Ordinal));
        Assert.DoesNotContain(_shared.Logs.Lines, line => line.Contains(replaced, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Three_hundred_calls_refused_with_40001_across_three_nodes_cause_one_refresh()
    {
        await using var host = await SandboxHost.StartAsync();
        var ticket = await host.DeliverComponentTicketAsync(_shared);
        await using var first = WelinkNode.Start(host, _shared);
        await using var second = WelinkNode.Start(host, _shared);
        await using var third = WelinkNode.Start(host, _shared);
        WelinkNode[] nodes = [first, second, third];
        await first.Get<ComponentClient>().GetComponentAccessTokenAsync(CancellationToken.None);
        await ReplaceTokenBehindWelinksBackAsync(host, ticket);

        await Task.WhenAll(Enumerable.Range(0, 300)
            .Select(i => nodes[i % 3].Get<ComponentClient>().GetAuthorizerListAsync(0, 100, CancellationToken.None)));

        Assert.Equal(2, _shared.Wire.Count(ComponentTokenApi));
        Assert.InRange(_shared.Wire.Count(ListApi), 301, 600);
    }

    /// <summary>Both clocks move past the token's life: WeLink's cache drops it, the sandbox refuses it.</summary>
    private void ExpireTokens(SandboxHost host)
    {
        _shared.Time.Advance(TokenLifetime);
        host.Advance(TokenLifetime);
    }

    /// <summary>Someone else fetches a component token (as a rogue node would) and five minutes pass.</summary>
    private static async Task ReplaceTokenBehindWelinksBackAsync(SandboxHost host, string ticket)
    {
        var rogue = await host.RequestComponentTokenAsync(ticket);
        Assert.Equal(0, rogue.Errcode());
        host.Advance(TimeSpan.FromMinutes(5));
    }
}
