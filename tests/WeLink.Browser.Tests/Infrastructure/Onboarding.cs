using System.Text.Json;

namespace WeLink.Browser.Tests.Infrastructure;

public sealed record InstalledCorp(string CorpId, string AccessToken, int AgentId);

/// <summary>
/// WeLink's side of onboarding against the sandbox, done the legitimate way: tickets, tokens, codes;
/// the control API plays the merchant who approves.
/// </summary>
public static class Onboarding
{
    /// <summary>The official account authorizes the component, so its consumers' messages are pushed to WeLink.</summary>
    public static async Task AuthorizeAccountAsync(this SandboxHost host, string appId)
    {
        var ticket = await host.Client.PostJsonAsync("control/pushes/component-verify-ticket", new { });
        var token = await host.Client.PostJsonAsync("wechat/cgi-bin/component/api_component_token", new
        {
            component_appid = TestCredentials.ComponentAppId,
            component_appsecret = TestCredentials.ComponentSecret,
            component_verify_ticket = ticket.Text("ticket"),
        });
        var componentToken = token.Text("component_access_token");
        var preAuth = await host.Client.PostJsonAsync(
            $"wechat/cgi-bin/component/api_create_preauthcode?component_access_token={componentToken}",
            new { component_appid = TestCredentials.ComponentAppId });
        var approval = await host.Client.PostJsonAsync(
            "control/component/approve", new { pre_auth_code = preAuth.Text("pre_auth_code"), appid = appId });
        var query = await host.Client.PostJsonAsync(
            $"wechat/cgi-bin/component/api_query_auth?component_access_token={componentToken}",
            new { component_appid = TestCredentials.ComponentAppId, authorization_code = approval.Text("auth_code") });
        Assert.True(query.TryGetProperty("authorization_info", out _), query.GetRawText());
    }

    /// <summary>The corp installs the suite; WeLink exchanges the install code for the corp's token.</summary>
    public static async Task<InstalledCorp> InstallCorpAsync(this SandboxHost host, string corpId)
    {
        var ticket = await host.Client.PostJsonAsync("control/pushes/suite-ticket", new { });
        var token = await host.Client.PostJsonAsync("wecom/cgi-bin/service/get_suite_token", new
        {
            suite_id = TestCredentials.SuiteId,
            suite_secret = TestCredentials.SuiteSecret,
            suite_ticket = ticket.Text("ticket"),
        });
        var suiteToken = token.Text("suite_access_token");
        var preAuth = await host.Client.GetJsonAsync($"wecom/cgi-bin/service/get_pre_auth_code?suite_access_token={suiteToken}");
        await host.Client.PostJsonAsync(
            $"wecom/cgi-bin/service/set_session_info?suite_access_token={suiteToken}",
            new { pre_auth_code = preAuth.Text("pre_auth_code"), session_info = new { auth_type = 1 } });
        var install = await host.Client.PostJsonAsync(
            "control/suite/install", new { pre_auth_code = preAuth.Text("pre_auth_code"), corpid = corpId, state = "browser" });
        var permanent = await host.Client.PostJsonAsync(
            $"wecom/cgi-bin/service/get_permanent_code?suite_access_token={suiteToken}",
            new { auth_code = install.Text("auth_code") });
        var agentId = permanent.GetProperty("auth_info").GetProperty("agent")[0].GetProperty("agentid").GetInt32();
        return new InstalledCorp(corpId, permanent.Text("access_token"), agentId);
    }

    /// <summary>An interactive button card to one staff member, as WeLink sends it through WeCom message/send.</summary>
    public static Task<JsonElement> SendButtonCardAsync(
        this SandboxHost host, InstalledCorp corp, string userId, string taskId, params (string Text, string Key)[] buttons) =>
        host.Client.PostJsonAsync($"wecom/cgi-bin/message/send?access_token={corp.AccessToken}", new
        {
            touser = userId,
            msgtype = "template_card",
            agentid = corp.AgentId,
            template_card = new
            {
                card_type = "button_interaction",
                main_title = new { title = "Complaint #12", desc = "Customer waited 40 minutes" },
                task_id = taskId,
                button_list = buttons.Select(b => new { text = b.Text, key = b.Key }).ToArray(),
            },
        });
}
