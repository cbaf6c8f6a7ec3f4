using System.Text.Json;

namespace WeLink.Sandbox.Tests.Infrastructure;

public sealed record AuthorizedAccount(string AppId, string ComponentToken, string AccessToken, string RefreshToken);

public sealed record InstalledCorp(string CorpId, string SuiteToken, string PermanentCode, string AccessToken, int AgentId);

/// <summary>WeLink's onboarding steps against the sandbox, with the sandbox's control API playing the merchant.</summary>
public static class Onboarding
{
    public static async Task<string> ApproveComponentAsync(this SandboxHost host, string componentToken, string appId)
    {
        var preAuth = await host.Client.PostJsonAsync(
            $"wechat/cgi-bin/component/api_create_preauthcode?component_access_token={componentToken}",
            new { component_appid = SandboxHost.ComponentAppId });
        var approval = await host.Client.PostJsonAsync(
            "control/component/approve", new { pre_auth_code = preAuth.Text("pre_auth_code"), appid = appId });
        return approval.Text("auth_code");
    }

    public static Task<JsonElement> QueryAuthAsync(this SandboxHost host, string componentToken, string authCode) =>
        host.Client.PostJsonAsync(
            $"wechat/cgi-bin/component/api_query_auth?component_access_token={componentToken}",
            new { component_appid = SandboxHost.ComponentAppId, authorization_code = authCode });

    public static async Task<AuthorizedAccount> AuthorizeAccountAsync(this SandboxHost host, string appId)
    {
        var componentToken = await host.ComponentTokenAsync();
        var query = await host.QueryAuthAsync(componentToken, await host.ApproveComponentAsync(componentToken, appId));
        var info = query.GetProperty("authorization_info");
        return new AuthorizedAccount(appId, componentToken, info.Text("authorizer_access_token"), info.Text("authorizer_refresh_token"));
    }

    public static async Task<string> InstallCodeAsync(this SandboxHost host, string suiteToken, string corpId, string state = "s1")
    {
        var preAuth = await host.PreAuthCodeAsync(suiteToken);
        var session = await host.Client.PostJsonAsync(
            $"wecom/cgi-bin/service/set_session_info?suite_access_token={suiteToken}",
            new { pre_auth_code = preAuth.Text("pre_auth_code"), session_info = new { auth_type = 1 } });
        Assert.Equal(0, session.Errcode());
        var install = await host.Client.PostJsonAsync(
            "control/suite/install", new { pre_auth_code = preAuth.Text("pre_auth_code"), corpid = corpId, state });
        return install.Text("auth_code");
    }

    public static async Task<InstalledCorp> InstallCorpAsync(this SandboxHost host, string corpId)
    {
        var suiteToken = await host.SuiteTokenAsync();
        var permanent = await host.Client.PostJsonAsync(
            $"wecom/cgi-bin/service/get_permanent_code?suite_access_token={suiteToken}",
            new { auth_code = await host.InstallCodeAsync(suiteToken, corpId) });
        var agentId = permanent.GetProperty("auth_info").GetProperty("agent")[0].GetProperty("agentid").GetInt32();
        return new InstalledCorp(corpId, suiteToken, permanent.Text("permanent_code"), permanent.Text("access_token"), agentId);
    }
}
