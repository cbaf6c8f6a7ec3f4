using System.Text.Json;
using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Messaging;

/// <summary>A mini program's subscribe messages: templates added from the library, one message per acceptance, values checked.</summary>
public sealed class MiniProgramSubscribeTests
{
    [Fact]
    public async Task A_library_title_added_as_form_or_json_gets_the_mini_programs_own_id_with_keys_of_rule_and_kid()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var miniProgram = await host.AuthorizeAccountAsync(world.MiniProgram);

        var json = await host.AddStatusTemplateAsync(miniProgram.AccessToken);
        using var form = new FormUrlEncodedContent([new("tid", "4937"), new("kidList", "2"), new("kidList", "6")]);
        using var formAnswer = await host.Client.PostAsync(new Uri($"wechat/wxaapi/newtmpl/addtemplate?access_token={miniProgram.AccessToken}", UriKind.Relative), form);
        var formId = JsonDocument.Parse(await formAnswer.Content.ReadAsStringAsync()).RootElement.Text("priTmplId");

        var templates = (await WorldView.ReadAsync(host)).Account(miniProgram.AppId).GetProperty("subscribe_templates");
        Assert.NotEqual(json, formId);
        Assert.Equal(
            "服务项目：{{thing1.DATA}}\n处理进度：{{phrase2.DATA}}\n更新时间：{{time3.DATA}}\n进度说明：{{thing4.DATA}}\n温馨提示：{{thing5.DATA}}",
            templates.EnumerateArray().Single(t => t.Text("template_id") == json).Text("content"));
        Assert.Equal("处理进度：{{phrase2.DATA}}\n办理门店：{{thing6.DATA}}", templates.EnumerateArray().Single(t => t.Text("template_id") == formId).Text("content"));
    }

    [Fact]
    public async Task Each_acceptance_allows_one_message_and_the_next_send_answers_43101_with_nothing_recorded()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var miniProgram = await host.AuthorizeAccountAsync(world.MiniProgram);
        var templateId = await host.AddStatusTemplateAsync(miniProgram.AccessToken);
        await host.AnswerSubscribeDialogAsync(miniProgram.AppId, world.ConsumerId(0), templateId);
        var twice = await host.AnswerSubscribeDialogAsync(miniProgram.AppId, world.ConsumerId(0), templateId);
        var openId = twice.Text("openid");
        Assert.Equal(2, twice.GetProperty("left").GetProperty(templateId).GetInt32());

        async Task<JsonElement> SendAsync() => await host.SendAsync("subscribe/send", miniProgram.AccessToken, new
        {
            touser = openId,
            template_id = templateId,
            page = "pages/complaints/detail?id=1&dealerId=2",
            data = MiniPrograms.StatusData(),
        });

        var answers = new[] { await SendAsync(), await SendAsync(), await SendAsync() };

        Assert.Equal([0, 0, 43101], answers.Select(a => a.Errcode()));
        var recorded = await host.Client.GetJsonAsync($"control/messages?api=subscribe/send&recipient={openId}");
        Assert.Equal(2, recorded.GetArrayLength());
        Assert.Equal("pages/complaints/detail?id=1&dealerId=2", recorded[0].GetProperty("body").Text("page"));
    }

    [Fact]
    public async Task The_dialogs_answers_each_message_sent_and_a_rejection_in_the_phones_settings_are_pushed_as_wechats_subscribe_events()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var miniProgram = await host.AuthorizeAccountAsync(world.MiniProgram);
        var templateId = await host.AddStatusTemplateAsync(miniProgram.AccessToken);
        var openId = (await host.AnswerSubscribeDialogAsync(miniProgram.AppId, world.ConsumerId(0), templateId)).Text("openid");
        await host.AnswerSubscribeDialogAsync(miniProgram.AppId, world.ConsumerId(0), templateId);
        var sent = await host.SendAsync("subscribe/send", miniProgram.AccessToken, new { touser = openId, template_id = templateId, data = MiniPrograms.StatusData() });
        var msgId = (await host.Client.GetJsonAsync($"control/messages?api=subscribe/send&recipient={openId}"))[0].Text("msg_id");
        using var settings = new FormUrlEncodedContent([
            new("action", "reject-subscription"), new("consumer_id", world.ConsumerId(0)), new("appid", miniProgram.AppId), new("template_id", templateId)]);
        using var rejected = await host.Client.PostAsync(new Uri("phones/act", UriKind.Relative), settings);
        var afterRejection = await host.SendAsync("subscribe/send", miniProgram.AccessToken, new { touser = openId, template_id = templateId, data = MiniPrograms.StatusData() });

        async Task<string> PlaintextAsync(string kind) => (await host.Client.GetJsonAsync($"control/pushes?kind={kind}"))[0].Text("plaintext");
        Assert.Equal(0, sent.Errcode());
        Assert.Contains($"<SubscribeMsgPopupEvent><List><TemplateId><![CDATA[{templateId}]]></TemplateId><SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString><PopupScene>0</PopupScene></List></SubscribeMsgPopupEvent>", await PlaintextAsync("subscribe_msg_popup_event"), StringComparison.Ordinal);
        Assert.Contains($"<SubscribeMsgSentEvent><List><TemplateId><![CDATA[{templateId}]]></TemplateId><MsgID>{msgId}</MsgID><ErrorCode>0</ErrorCode><ErrorStatus><![CDATA[success]]></ErrorStatus></List></SubscribeMsgSentEvent>", await PlaintextAsync("subscribe_msg_sent_event"), StringComparison.Ordinal);
        Assert.Contains($"<SubscribeMsgChangeEvent><List><TemplateId><![CDATA[{templateId}]]></TemplateId><SubscribeStatusString><![CDATA[reject]]></SubscribeStatusString></List></SubscribeMsgChangeEvent>", await PlaintextAsync("subscribe_msg_change_event"), StringComparison.Ordinal);
        Assert.Equal(43101, afterRejection.Errcode());
    }

    [Fact]
    public async Task A_rejection_allows_nothing_and_a_value_breaking_its_rule_is_refused_without_spending_the_acceptance()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var miniProgram = await host.AuthorizeAccountAsync(world.MiniProgram);
        var templateId = await host.AddStatusTemplateAsync(miniProgram.AccessToken);
        var rejected = await host.AnswerSubscribeDialogAsync(miniProgram.AppId, "Wang Fang", templateId, accept: false);
        var openId = rejected.Text("openid");

        var refused = await host.SendAsync("subscribe/send", miniProgram.AccessToken, new { touser = openId, template_id = templateId, data = MiniPrograms.StatusData() });
        await host.AnswerSubscribeDialogAsync(miniProgram.AppId, openId, templateId);
        var tooLong = await host.SendAsync("subscribe/send", miniProgram.AccessToken, new
        {
            touser = openId,
            template_id = templateId,
            data = new { thing1 = new { value = new string('长', 21) } },
        });
        var unknownKey = await host.SendAsync("subscribe/send", miniProgram.AccessToken, new { touser = openId, template_id = templateId, data = new { thing9 = new { value = "x" } } });
        var badTime = await host.SendAsync("subscribe/send", miniProgram.AccessToken, new { touser = openId, template_id = templateId, data = new { time3 = new { value = "明天下午" } } });
        var fits = await host.SendAsync("subscribe/send", miniProgram.AccessToken, new { touser = openId, template_id = templateId, data = MiniPrograms.StatusData() });

        Assert.Equal(0, rejected.GetProperty("left").GetProperty(templateId).GetInt32());
        Assert.Equal([43101, 47003, 47003, 47003, 0], new[] { refused, tooLong, unknownKey, badTime, fits }.Select(a => a.Errcode()));
    }

    [Fact]
    public async Task The_subscribe_dialog_refuses_more_than_three_templates_or_one_the_mini_program_does_not_have()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var miniProgram = await host.AuthorizeAccountAsync(world.MiniProgram);
        var templateId = await host.AddStatusTemplateAsync(miniProgram.AccessToken);

        using var unknown = await host.Client.PostAsync(
            new Uri($"control/miniprogram/{miniProgram.AppId}/subscribe", UriKind.Relative),
            JsonContent(new { consumer = world.ConsumerId(0), template_ids = (string[])["nope"], accept = true }));
        using var four = await host.Client.PostAsync(
            new Uri($"control/miniprogram/{miniProgram.AppId}/subscribe", UriKind.Relative),
            JsonContent(new { consumer = world.ConsumerId(0), template_ids = (string[])[templateId, templateId, templateId, templateId], accept = true }));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (unknown.StatusCode, four.StatusCode));
    }

    [Fact]
    public async Task The_consumers_phone_shows_subscribe_messages_as_service_notices_with_the_page_they_open()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var miniProgram = await host.AuthorizeAccountAsync(world.MiniProgram);
        var templateId = await host.AddStatusTemplateAsync(miniProgram.AccessToken);
        var openId = (await host.AnswerSubscribeDialogAsync(miniProgram.AppId, world.ConsumerId(0), templateId)).Text("openid");
        await host.SendAsync("subscribe/send", miniProgram.AccessToken, new
        {
            touser = openId,
            template_id = templateId,
            page = "pages/complaints/detail?id=c1&dealerId=d1",
            data = MiniPrograms.StatusData(),
        });

        var page = await host.Client.GetStringAsync(new Uri("phones", UriKind.Relative));

        Assert.Contains("服务通知", page, StringComparison.Ordinal);
        Assert.Contains("服务进度提醒", page, StringComparison.Ordinal);
        Assert.Contains("<dt>处理进度</dt><dd>处理中</dd>", page, StringComparison.Ordinal);
        Assert.Contains("data-page=\"pages/complaints/detail?id=c1&amp;dealerId=d1\"", page, StringComparison.Ordinal);
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
