using System.Text.RegularExpressions;
using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Pushes;

public sealed partial class PushDeliveryTests
{
    [Fact]
    public async Task A_component_ticket_push_is_sealed_for_the_component_appid_and_buys_a_token()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);

        var push = await host.Client.PostJsonAsync("control/pushes/component-verify-ticket", new { });
        await host.FinishedPushAsync(push.PushId());

        var received = Assert.Single(receiver.Of("component_verify_ticket"));
        Assert.Equal("/wechat/component/events", received.Path);
        Assert.Equal(SandboxHost.ComponentAppId, received.ReceiveId);
        Assert.Equal(SandboxHost.ComponentAppId, received.Envelope.AppId);
        Assert.Equal("aes", received.Query["encrypt_type"].ToString());
        var ticket = TicketPattern().Match(received.Message).Groups[1].Value;
        Assert.Equal(0, (await host.RequestComponentTokenAsync(ticket)).Errcode());
        Assert.Empty(receiver.Rejected);
    }

    [Fact]
    public async Task A_consumer_message_goes_to_the_accounts_message_url_sealed_for_the_component_appid()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        receiver.PassiveReply = "<xml><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[Hi there]]></Content></xml>";

        var action = await host.Client.PostJsonAsync(
            "control/consumers/send-text", new { consumer_id = world.ConsumerId(0), appid = account.AppId, content = "我想预约试驾" });
        var push = await host.FinishedPushAsync(action.PushId());

        var received = Assert.Single(receiver.Received, p => p.Path.EndsWith("/messages", StringComparison.Ordinal));
        Assert.Equal($"/wechat/component/accounts/{account.AppId}/messages", received.Path);
        Assert.Equal(SandboxHost.ComponentAppId, received.ReceiveId);
        Assert.Equal(world.Account(account.AppId).Text("original_id"), received.Envelope.ToUserName);
        Assert.Equal(action.Text("openid"), received.Query["openid"].ToString());
        Assert.Contains("我想预约试驾", received.Message, StringComparison.Ordinal);
        Assert.Contains("Hi there", push.Text("reply"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suite_instructions_are_sealed_for_the_suite_id_and_data_for_the_corpid()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        var world = await WorldView.ReadAsync(host);
        var corp = await host.InstallCorpAsync(world.CorpId(0));
        var userId = world.StaffUserId(0, 0);
        await host.Client.PostJsonAsync($"wecom/cgi-bin/message/send?access_token={corp.AccessToken}", new
        {
            touser = userId,
            msgtype = "template_card",
            agentid = corp.AgentId,
            template_card = new { card_type = "button_interaction", task_id = "t-9", button_list = new[] { new { text = "Accept", key = "accept" } } },
        });

        var press = await host.Client.PostJsonAsync(
            "control/staff/press-card-button", new { corpid = corp.CorpId, userid = userId, task_id = "t-9", event_key = "accept" });
        await host.FinishedPushAsync(press.PushId());

        var createAuth = Assert.Single(receiver.Of("create_auth"));
        Assert.Equal(SandboxHost.SuiteId, createAuth.ReceiveId);
        var cardEvent = Assert.Single(receiver.Of("template_card_event"));
        Assert.Equal($"/wecom/suite/data/{corp.CorpId}", cardEvent.Path);
        Assert.Equal(corp.CorpId, cardEvent.ReceiveId);
        Assert.Equal(corp.CorpId, cardEvent.Envelope.ToUserName);
        Assert.Contains("<TaskId><![CDATA[t-9]]></TaskId>", cardEvent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_answered_500_twice_is_delivered_on_the_third_attempt()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        receiver.Answer(500, 500);

        var push = await host.FinishedPushAsync((await host.Client.PostJsonAsync("control/pushes/suite-ticket", new { })).PushId());

        Assert.Equal("Delivered", push.Text("status"));
        Assert.Equal([500, 500, 200], push.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("status_code").GetInt32()));
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task A_push_never_answered_200_is_tried_exactly_three_times()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        receiver.Answer(500, 502, 503, 500);

        var push = await host.FinishedPushAsync((await host.Client.PostJsonAsync("control/pushes/component-verify-ticket", new { })).PushId());

        Assert.Equal("Failed", push.Text("status"));
        Assert.Equal(3, push.GetProperty("attempts").GetArrayLength());
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task A_push_with_no_answer_within_the_timeout_is_retried()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(
            receiver.BaseAddress, new Dictionary<string, string?> { ["Sandbox:PushAttemptTimeout"] = "00:00:01" });
        receiver.Stall(TimeSpan.FromSeconds(3));

        var push = await host.FinishedPushAsync((await host.Client.PostJsonAsync("control/pushes/suite-ticket", new { })).PushId());

        var attempts = push.GetProperty("attempts");
        Assert.Equal("Delivered", push.Text("status"));
        Assert.Equal(2, attempts.GetArrayLength());
        Assert.Contains("no answer", attempts[0].Text("error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tickets_are_pushed_at_start_and_again_when_the_interval_has_passed()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(
            receiver.BaseAddress,
            new Dictionary<string, string?> { ["Sandbox:PushTicketsOnSchedule"] = "true", ["Sandbox:TicketPushInterval"] = "00:10:00" });
        await Poll.UntilAsync(() => receiver.Of("suite_ticket").Count == 1, Deadline.Delivery, "suite_ticket push 1");

        host.Advance(TimeSpan.FromMinutes(10));

        await Poll.UntilAsync(() => receiver.Of("component_verify_ticket").Count == 2, Deadline.Delivery, "component_verify_ticket push 2");
        await Poll.UntilAsync(() => receiver.Of("suite_ticket").Count == 2, Deadline.Delivery, "suite_ticket push 2");
    }

    [Fact]
    public async Task The_suite_url_check_sends_an_echostr_sealed_for_the_provider_corpid()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        // The 1 s deadline has its own test below; a shared CI machine must not fail this one.
        await using var host = await SandboxHost.StartAsync(
            receiver.BaseAddress, new Dictionary<string, string?> { ["Sandbox:UrlCheckAnswerWithin"] = "00:00:30" });

        var checks = await host.Client.PostJsonAsync("control/pushes/verify-suite-urls", new { });

        Assert.Equal(2, checks.GetArrayLength());
        Assert.All(checks.EnumerateArray(), check => Assert.True(check.GetProperty("passed").GetBoolean(), check.GetRawText()));
        Assert.Empty(receiver.Rejected);
    }

    [Fact]
    public async Task A_url_check_answered_after_the_deadline_fails_with_the_reason()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        receiver.Stall(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));

        var checks = await host.Client.PostJsonAsync("control/pushes/verify-suite-urls", new { });

        Assert.All(checks.EnumerateArray(), check =>
        {
            Assert.False(check.GetProperty("passed").GetBoolean());
            Assert.Equal("WeCom needs the answer within 1 s.", check.Text("problem"));
        });
    }

    [Fact]
    public async Task A_template_message_is_followed_by_a_job_finish_event()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var openId = await host.FollowAsync(world.ConsumerId(0), account.AppId);

        var sent = await host.SendAsync("template/send", account.AccessToken, new
        {
            touser = openId,
            template_id = world.Account(account.AppId).GetProperty("templates")[0].Text("template_id"),
            data = new { },
        });

        await Poll.UntilAsync(() => receiver.Of("TEMPLATESENDJOBFINISH").Count == 1, Deadline.Delivery, "TEMPLATESENDJOBFINISH push 1");
        Assert.Contains($"<MsgID>{sent.GetProperty("msgid").GetInt64()}</MsgID>", receiver.Of("TEMPLATESENDJOBFINISH")[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_member_writing_to_the_app_reaches_the_data_url_of_their_corp()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        var world = await WorldView.ReadAsync(host);
        var corp = await host.InstallCorpAsync(world.CorpId(1));

        var push = await host.Client.PostJsonAsync(
            "control/staff/message-app", new { corpid = corp.CorpId, userid = world.StaffUserId(1, 0), content = "客户已到店" });
        await host.FinishedPushAsync(push.PushId());

        var received = Assert.Single(receiver.Received, p => p.Path.StartsWith("/wecom/suite/data/", StringComparison.Ordinal));
        Assert.Equal(corp.CorpId, received.ReceiveId);
        Assert.Equal(corp.AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture), received.Envelope.AgentId);
        Assert.Contains("客户已到店", received.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<ComponentVerifyTicket><!\[CDATA\[(.+?)\]\]>")]
    private static partial Regex TicketPattern();
}
