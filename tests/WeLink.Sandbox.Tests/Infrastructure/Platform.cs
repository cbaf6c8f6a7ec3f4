using System.Text.Json;

namespace WeLink.Sandbox.Tests.Infrastructure;

/// <summary>The steps every test repeats to get credentials from the sandbox, done the legitimate way.</summary>
public static class Platform
{
    public static async Task<string> PushComponentTicketAsync(this SandboxHost host)
    {
        var push = await host.Client.PostJsonAsync("control/pushes/component-verify-ticket", new { });
        return push.Text("ticket");
    }

    public static async Task<string> PushSuiteTicketAsync(this SandboxHost host)
    {
        var push = await host.Client.PostJsonAsync("control/pushes/suite-ticket", new { });
        return push.Text("ticket");
    }

    public static Task<JsonElement> RequestComponentTokenAsync(this SandboxHost host, string ticket, string secret = SandboxHost.ComponentSecret) =>
        host.Client.PostJsonAsync("wechat/cgi-bin/component/api_component_token", new
        {
            component_appid = SandboxHost.ComponentAppId,
            component_appsecret = secret,
            component_verify_ticket = ticket,
        });

    public static async Task<string> ComponentTokenAsync(this SandboxHost host)
    {
        var response = await host.RequestComponentTokenAsync(await host.PushComponentTicketAsync());
        return response.Text("component_access_token");
    }

    public static Task<JsonElement> RequestSuiteTokenAsync(this SandboxHost host, string ticket) =>
        host.Client.PostJsonAsync("wecom/cgi-bin/service/get_suite_token", new
        {
            suite_id = SandboxHost.SuiteId,
            suite_secret = SandboxHost.SuiteSecret,
            suite_ticket = ticket,
        });

    public static async Task<string> SuiteTokenAsync(this SandboxHost host)
    {
        var response = await host.RequestSuiteTokenAsync(await host.PushSuiteTicketAsync());
        return response.Text("suite_access_token");
    }

    public static Task<JsonElement> AuthorizerListAsync(this SandboxHost host, string componentToken) =>
        host.Client.PostJsonAsync(
            $"wechat/cgi-bin/component/api_get_authorizer_list?component_access_token={componentToken}",
            new { component_appid = SandboxHost.ComponentAppId, offset = 0, count = 100 });

    public static Task<JsonElement> PreAuthCodeAsync(this SandboxHost host, string suiteToken) =>
        host.Client.GetJsonAsync($"wecom/cgi-bin/service/get_pre_auth_code?suite_access_token={suiteToken}");

    public static void Advance(this SandboxHost host, TimeSpan by) => host.Clock.Advance(by);
}
