using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Authorization;

public sealed class ComponentAuthorizationTests
{
    private static readonly int[] TickedScopes = [1, 2, 4];

    [Fact]
    public async Task An_approved_account_yields_an_authorizer_token_and_refresh_token()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var componentToken = await host.ComponentTokenAsync();

        var query = await host.QueryAuthAsync(componentToken, await host.ApproveComponentAsync(componentToken, world.VerifiedServiceAccount));

        var info = query.GetProperty("authorization_info");
        Assert.Equal(world.VerifiedServiceAccount, info.Text("authorizer_appid"));
        Assert.Equal(7200, info.GetProperty("expires_in").GetInt32());
        Assert.StartsWith("refreshtoken@@@", info.Text("authorizer_refresh_token"), StringComparison.Ordinal);
        Assert.NotEmpty(info.GetProperty("func_info").EnumerateArray());
    }

    [Fact]
    public async Task An_admin_who_unticks_permission_sets_grants_only_the_ticked_ones()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var componentToken = await host.ComponentTokenAsync();
        var preAuth = await host.Client.PostJsonAsync(
            $"wechat/cgi-bin/component/api_create_preauthcode?component_access_token={componentToken}",
            new { component_appid = SandboxHost.ComponentAppId });
        var approval = await host.Client.PostJsonAsync(
            "control/component/approve",
            new { pre_auth_code = preAuth.Text("pre_auth_code"), appid = world.VerifiedServiceAccount, func_scopes = TickedScopes });

        var query = await host.QueryAuthAsync(componentToken, approval.Text("auth_code"));

        var granted = query.GetProperty("authorization_info").GetProperty("func_info").EnumerateArray()
            .Select(f => f.GetProperty("funcscope_category").GetProperty("id").GetInt32());
        Assert.Equal(TickedScopes, granted);
    }

    [Fact]
    public async Task An_authorization_code_works_once()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var componentToken = await host.ComponentTokenAsync();
        var authCode = await host.ApproveComponentAsync(componentToken, world.VerifiedServiceAccount);

        Assert.Equal(0, (await host.QueryAuthAsync(componentToken, authCode)).Errcode());
        Assert.Equal(61009, (await host.QueryAuthAsync(componentToken, authCode)).Errcode());
    }

    [Fact]
    public async Task An_authorization_code_expires_after_600_seconds()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var componentToken = await host.ComponentTokenAsync();
        var authCode = await host.ApproveComponentAsync(componentToken, world.VerifiedServiceAccount);

        host.Advance(TimeSpan.FromSeconds(600));

        Assert.Equal(61010, (await host.QueryAuthAsync(componentToken, authCode)).Errcode());
    }

    [Fact]
    public async Task A_pre_auth_code_cannot_be_approved_twice()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var componentToken = await host.ComponentTokenAsync();
        var preAuth = await host.Client.PostJsonAsync(
            $"wechat/cgi-bin/component/api_create_preauthcode?component_access_token={componentToken}",
            new { component_appid = SandboxHost.ComponentAppId });
        var approval = new { pre_auth_code = preAuth.Text("pre_auth_code"), appid = world.VerifiedServiceAccount };

        using var first = await host.Client.PostAsJsonAsync("control/component/approve", approval);
        using var second = await host.Client.PostAsJsonAsync("control/component/approve", approval);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact]
    public async Task The_refresh_token_renews_the_authorizer_token_and_a_wrong_one_answers_61023()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);

        var renewed = await RefreshAsync(host, account, account.RefreshToken);
        var wrong = await RefreshAsync(host, account, "refreshtoken@@@wrong");

        Assert.Equal(account.RefreshToken, renewed.Text("authorizer_refresh_token"));
        Assert.NotEqual(account.AccessToken, renewed.Text("authorizer_access_token"));
        Assert.Equal(61023, wrong.Errcode());
    }

    [Fact]
    public async Task Re_authorization_rotates_the_refresh_token_and_the_old_one_answers_61023()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var first = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);

        var second = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);

        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(61023, (await RefreshAsync(host, second, first.RefreshToken)).Errcode());
        Assert.Equal(0, (await RefreshAsync(host, second, second.RefreshToken)).Errcode());
    }

    [Fact]
    public async Task After_unauthorization_the_refresh_token_answers_61003()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);

        await host.Client.PostJsonAsync("control/component/unauthorize", new { appid = account.AppId });

        Assert.Equal(61003, (await RefreshAsync(host, account, account.RefreshToken)).Errcode());
    }

    [Fact]
    public async Task Authorizer_info_describes_the_account_and_the_list_recovers_refresh_tokens()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);

        var info = await host.Client.PostJsonAsync(
            $"wechat/cgi-bin/component/api_get_authorizer_info?component_access_token={account.ComponentToken}",
            new { component_appid = SandboxHost.ComponentAppId, authorizer_appid = account.AppId });
        var list = await host.AuthorizerListAsync(account.ComponentToken);

        var authorizer = info.GetProperty("authorizer_info");
        Assert.Equal(world.Account(account.AppId).Text("original_id"), authorizer.Text("user_name"));
        Assert.Equal(2, authorizer.GetProperty("service_type_info").GetProperty("id").GetInt32());
        Assert.Equal(0, authorizer.GetProperty("verify_type_info").GetProperty("id").GetInt32());
        Assert.Equal(1, list.GetProperty("total_count").GetInt32());
        Assert.Equal(account.RefreshToken, list.GetProperty("list")[0].Text("refresh_token"));
    }

    private static Task<System.Text.Json.JsonElement> RefreshAsync(SandboxHost host, AuthorizedAccount account, string refreshToken) =>
        host.Client.PostJsonAsync(
            $"wechat/cgi-bin/component/api_authorizer_token?component_access_token={account.ComponentToken}",
            new { component_appid = SandboxHost.ComponentAppId, authorizer_appid = account.AppId, authorizer_refresh_token = refreshToken });
}
