using System.Text.Json;

namespace WeLink.Sandbox.Tests.Infrastructure;

/// <summary>Drives a consumer through the control API; returns the consumer's openid for the account.</summary>
public static class Consumers
{
    public static async Task<string> ActAsync(this SandboxHost host, string action, object request)
    {
        var response = await host.Client.PostJsonAsync($"control/consumers/{action}", request);
        return response.Text("openid");
    }

    public static Task<string> FollowAsync(this SandboxHost host, string consumerId, string appId) =>
        host.ActAsync("follow", new { consumer_id = consumerId, appid = appId });

    public static Task<JsonElement> SendAsync(this SandboxHost host, string api, string accessToken, object body) =>
        host.Client.PostJsonAsync($"wechat/cgi-bin/message/{api}?access_token={accessToken}", body);

    public static Task<JsonElement> AddTemplateAsync(this SandboxHost host, string accessToken, string shortId, string[] keywordNames) =>
        host.Client.PostJsonAsync(
            $"wechat/cgi-bin/template/api_add_template?access_token={accessToken}", new { template_id_short = shortId, keyword_name_list = keywordNames });
}
