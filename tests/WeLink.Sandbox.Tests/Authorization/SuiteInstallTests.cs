using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Authorization;

public sealed class SuiteInstallTests
{
    [Fact]
    public async Task An_install_yields_a_permanent_code_and_a_corp_token()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);

        var corp = await host.InstallCorpAsync(world.CorpId(0));
        var token = await host.Client.PostJsonAsync(
            $"wecom/cgi-bin/service/get_corp_token?suite_access_token={corp.SuiteToken}",
            new { auth_corpid = corp.CorpId, permanent_code = corp.PermanentCode });

        Assert.Equal(0, token.Errcode());
        Assert.Equal(7200, token.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task An_install_auth_code_works_once_through_v2_too()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var suiteToken = await host.SuiteTokenAsync();
        var authCode = await host.InstallCodeAsync(suiteToken, world.CorpId(0), state: "abc");
        var path = $"wecom/cgi-bin/service/v2/get_permanent_code?suite_access_token={suiteToken}";

        var first = await host.Client.PostJsonAsync(path, new { auth_code = authCode });
        var second = await host.Client.PostJsonAsync(path, new { auth_code = authCode });

        Assert.Equal(world.CorpId(0), first.GetProperty("auth_corp_info").Text("corpid"));
        Assert.Equal("abc", first.Text("state"));
        Assert.Equal(40078, second.Errcode());
    }

    [Fact]
    public async Task An_install_auth_code_expires_after_600_seconds()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var suiteToken = await host.SuiteTokenAsync();
        var authCode = await host.InstallCodeAsync(suiteToken, world.CorpId(0));

        host.Advance(TimeSpan.FromSeconds(600));
        var freshSuiteToken = await host.SuiteTokenAsync();
        var response = await host.Client.PostJsonAsync(
            $"wecom/cgi-bin/service/get_permanent_code?suite_access_token={freshSuiteToken}", new { auth_code = authCode });

        Assert.Equal(40078, response.Errcode());
    }

    [Fact]
    public async Task A_wrong_permanent_code_answers_40084_and_auth_info_lists_the_agent()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var corp = await host.InstallCorpAsync(world.CorpId(0));

        var wrong = await host.Client.PostJsonAsync(
            $"wecom/cgi-bin/service/get_corp_token?suite_access_token={corp.SuiteToken}",
            new { auth_corpid = corp.CorpId, permanent_code = "wrong" });
        var info = await host.Client.PostJsonAsync(
            $"wecom/cgi-bin/service/v2/get_auth_info?suite_access_token={corp.SuiteToken}",
            new { auth_corpid = corp.CorpId, permanent_code = corp.PermanentCode });

        Assert.Equal(40084, wrong.Errcode());
        Assert.Equal(corp.AgentId, info.GetProperty("auth_info").GetProperty("agent")[0].GetProperty("agentid").GetInt32());
    }

    [Fact]
    public async Task A_corp_token_answers_40014_after_uninstall()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var corp = await host.InstallCorpAsync(world.CorpId(0));
        var path = $"wecom/cgi-bin/user/get?access_token={corp.AccessToken}&userid={world.StaffUserId(0, 0)}";
        Assert.Equal(0, (await host.Client.GetJsonAsync(path)).Errcode());

        await host.Client.PostJsonAsync("control/suite/uninstall", new { corpid = corp.CorpId });

        Assert.Equal(40014, (await host.Client.GetJsonAsync(path)).Errcode());
    }
}
