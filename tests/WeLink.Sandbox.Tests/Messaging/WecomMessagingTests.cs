using System.Text.Json;
using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Messaging;

public sealed class WecomMessagingTests
{
    [Fact]
    public async Task A_text_message_names_the_invalid_recipients_and_reaches_the_rest()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var corp = await host.InstallCorpAsync(world.CorpId(0));
        var staff = world.StaffUserId(0, 1);

        var response = await SendAsync(host, corp, new
        {
            touser = $"{staff}|ghost",
            msgtype = "text",
            agentid = corp.AgentId,
            text = new { content = "New complaint" },
        });

        Assert.Equal(0, response.Errcode());
        Assert.Equal("ghost", response.Text("invaliduser"));
        var recorded = await host.Client.GetJsonAsync("control/messages");
        Assert.Equal(staff, recorded[0].GetProperty("recipients")[0].GetString());
    }

    [Fact]
    public async Task A_message_to_nobody_valid_answers_81013()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var corp = await host.InstallCorpAsync(world.CorpId(0));

        var response = await SendAsync(host, corp, new { touser = "ghost", msgtype = "text", agentid = corp.AgentId, text = new { content = "x" } });

        Assert.Equal(81013, response.Errcode());
    }

    [Fact]
    public async Task An_interactive_card_returns_a_response_code_that_updates_the_card_once()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var corp = await host.InstallCorpAsync(world.CorpId(0));
        var sent = await SendAsync(host, corp, Card(world, corp, "task-1"));
        var update = new { userids = new[] { world.StaffUserId(0, 0) }, agentid = corp.AgentId, response_code = sent.Text("response_code"), button = new { replace_name = "Accepted" } };
        var path = $"wecom/cgi-bin/message/update_template_card?access_token={corp.AccessToken}";

        var first = await host.Client.PostJsonAsync(path, update);
        var second = await host.Client.PostJsonAsync(path, update);

        Assert.Equal(0, first.Errcode());
        Assert.NotEqual(0, second.Errcode());
    }

    [Fact]
    public async Task A_response_code_expires_after_72_hours()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var corp = await host.InstallCorpAsync(world.CorpId(0));
        var sent = await SendAsync(host, corp, Card(world, corp, "task-2"));

        host.Advance(TimeSpan.FromHours(72));
        var renewed = await host.InstallCorpAsync(corp.CorpId);
        var response = await host.Client.PostJsonAsync(
            $"wecom/cgi-bin/message/update_template_card?access_token={renewed.AccessToken}",
            new { agentid = renewed.AgentId, response_code = sent.Text("response_code"), button = new { replace_name = "Late" } });

        Assert.NotEqual(0, response.Errcode());
    }

    [Fact]
    public async Task An_interactive_card_without_a_task_id_is_refused()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var corp = await host.InstallCorpAsync(world.CorpId(0));

        var response = await SendAsync(host, corp, Card(world, corp, taskId: null));

        Assert.NotEqual(0, response.Errcode());
        Assert.False(response.TryGetProperty("response_code", out _));
    }

    [Fact]
    public async Task User_and_external_contact_lookups_describe_the_seeded_people()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var corp = await host.InstallCorpAsync(world.CorpId(0));
        var contact = world.Corp(0).GetProperty("external_contacts")[0];

        var user = await host.Client.GetJsonAsync($"wecom/cgi-bin/user/get?access_token={corp.AccessToken}&userid={world.StaffUserId(0, 0)}");
        var external = await host.Client.GetJsonAsync(
            $"wecom/cgi-bin/externalcontact/get?access_token={corp.AccessToken}&external_userid={contact.Text("external_user_id")}");
        var missing = await host.Client.GetJsonAsync($"wecom/cgi-bin/user/get?access_token={corp.AccessToken}&userid=ghost");

        Assert.Equal("Chen Jie", user.Text("name"));
        Assert.Equal(world.StaffUserId(0, 0), external.GetProperty("follow_user")[0].Text("userid"));
        Assert.Equal(60111, missing.Errcode());
    }

    private static object Card(WorldView world, InstalledCorp corp, string? taskId) => new
    {
        touser = world.StaffUserId(0, 0),
        msgtype = "template_card",
        agentid = corp.AgentId,
        template_card = new
        {
            card_type = "button_interaction",
            main_title = new { title = "Complaint #12" },
            task_id = taskId,
            button_list = new[] { new { text = "Accept", key = "accept" } },
        },
    };

    private static Task<JsonElement> SendAsync(SandboxHost host, InstalledCorp corp, object body) =>
        host.Client.PostJsonAsync($"wecom/cgi-bin/message/send?access_token={corp.AccessToken}", body);
}
