using System.Text.Json;

namespace WeLink.Sandbox.Tests.Infrastructure;

/// <summary>Messages WeLink sends to a corp's staff through WeCom message/send.</summary>
public static class StaffMessages
{
    /// <summary>An interactive button card to one staff member.</summary>
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
