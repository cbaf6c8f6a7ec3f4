using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Wechat.Tokens;

namespace WeLink.Sandbox.Tests.Clients;

public sealed class AuthorizerTokenTests
{
    private const string TokenApi = "/cgi-bin/component/api_authorizer_token";
    private const string ListApi = "/cgi-bin/component/api_get_authorizer_list";
    private readonly SharedState _shared = new();

    [Fact]
    public async Task The_authorizer_token_is_bought_with_the_stored_refresh_token_and_works_at_the_platform()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        var authorization = await host.AuthorizeDealerAccountAsync(_shared);
        await using var node = WelinkNode.Start(host, _shared);

        var token = await node.Get<AuthorizerTokenProvider>().GetAsync(authorization.AuthorizerAppId, CancellationToken.None);

        Assert.True(host.Credentials().Tokens.Check(token, TokenKind.AuthorizerAccessToken).IsValid);
        Assert.Equal(1, _shared.Wire.Count(TokenApi));
        Assert.Equal(0, _shared.Wire.Count(ListApi));
    }

    [Fact]
    public async Task A_refresh_token_refused_with_61023_is_recovered_from_the_authorizer_list_and_stored()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        var old = await host.AuthorizeDealerAccountAsync(_shared);
        var reauthorized = host.Credentials().Grants.Authorize(old.AuthorizerAppId);
        await using var node = WelinkNode.Start(host, _shared);

        var token = await node.Get<AuthorizerTokenProvider>().GetAsync(old.AuthorizerAppId, CancellationToken.None);

        Assert.True(host.Credentials().Tokens.Check(token, TokenKind.AuthorizerAccessToken).IsValid);
        Assert.Equal(reauthorized.RefreshToken, await _shared.Store.GetRefreshTokenAsync(old.AuthorizerAppId, CancellationToken.None));
        Assert.Equal(2, _shared.Wire.Count(TokenApi));
        Assert.Equal(1, _shared.Wire.Count(ListApi));
        Assert.Contains(_shared.Logs.Lines, line => line.Contains("recovering it from api_get_authorizer_list", StringComparison.Ordinal));
        Assert.DoesNotContain(_shared.Logs.Lines, line => line.Contains("got a new refresh token", StringComparison.Ordinal));
        Assert.DoesNotContain(_shared.Logs.Lines, line =>
            line.Contains(old.RefreshToken, StringComparison.Ordinal) || line.Contains(reauthorized.RefreshToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_refresh_token_is_recovered_from_the_authorizer_list()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        var authorization = await host.AuthorizeDealerAccountAsync(_shared, storeRefreshToken: false);
        await using var node = WelinkNode.Start(host, _shared);

        var token = await node.Get<AuthorizerTokenProvider>().GetAsync(authorization.AuthorizerAppId, CancellationToken.None);

        Assert.True(host.Credentials().Tokens.Check(token, TokenKind.AuthorizerAccessToken).IsValid);
        Assert.Equal(authorization.RefreshToken, await _shared.Store.GetRefreshTokenAsync(authorization.AuthorizerAppId, CancellationToken.None));
    }

    [Fact]
    public async Task An_account_the_platform_does_not_list_gives_a_clear_AuthorizationLostException()
    {
        await using var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        var appId = host.DealerAccount().AppId;
        await using var node = WelinkNode.Start(host, _shared);

        var failure = await Assert.ThrowsAsync<AuthorizationLostException>(
            () => node.Get<AuthorizerTokenProvider>().GetAsync(appId, CancellationToken.None));

        Assert.Equal(
            $"No working refresh token for authorizer {appId}: api_get_authorizer_list does not list it (authorization withdrawn?). "
            + "Its admin must authorize WeLink again.",
            failure.Message);
        Assert.Equal(0, _shared.Wire.Count(TokenApi));
    }
}
