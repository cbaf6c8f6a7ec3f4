using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.Faults;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Data;
using WeLink.Server.Tests.Complaints;
using WeLink.Wechat.Messages;

namespace WeLink.Server.Tests.Cases.Messaging;

/// <summary>
/// WeChat's subscribe-message events from the brand's mini program, pushed by the sandbox over real HTTP to WeLink's
/// callback URL: the dialog's and the settings' answers decide whether WeLink tries a subscribe message at all, and the
/// report of each one sent marks it in the ledger.
/// </summary>
public abstract class SubscribeEventTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string SubscribeSend = "subscribe/send";
    private const string TemplateSend = "template/send";

    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task An_acceptance_in_the_dialog_is_recorded_and_the_message_it_allows_is_marked_delivered_when_wechat_reports_it()
    {
        var (consumer, openId) = await _world.MiniProgramConsumerAsync(_world.People[1]);
        using (consumer)
        {
            var templateId = await TemplateIdAsync(consumer);
            await _world.ControlAsync($"miniprogram/{_world.MiniProgramAppId}/subscribe", new { openid = openId, template_ids = new[] { templateId }, accept = true });
            await AwaitConsentAsync(openId, templateId, "accept");

            var complaint = await ComplaintTests.FileAsync(consumer, "reported", "服务态度", "normal");
            var receipt = Assert.Single(await _world.AwaitMessagesAsync(SubscribeSend, openId, 1, "the receipt as a subscribe message"));

            var row = await AwaitReportedAsync(complaint.Id);
            Assert.Equal(("delivered", receipt.GetProperty("msg_id").GetString(), templateId, null), row);
        }
    }

    [Fact]
    public async Task A_template_rejected_in_the_phones_settings_sends_the_next_status_from_the_dealer_account_without_trying_a_subscribe_message()
    {
        var accountOpenId = await FollowerAsync(_world.People[2]);
        var (consumer, openId) = await _world.MiniProgramConsumerAsync(_world.People[2]);
        using (consumer)
        {
            var templateId = await TemplateIdAsync(consumer);
            await _world.ControlAsync($"miniprogram/{_world.MiniProgramAppId}/subscribe", new { openid = openId, template_ids = new[] { templateId }, accept = true });
            await AwaitConsentAsync(openId, templateId, "accept");
            var complaint = await ComplaintTests.FileAsync(consumer, "rejected-later", "维修质量", "normal");
            await _world.AwaitMessagesAsync(SubscribeSend, openId, 1, "the receipt as a subscribe message");

            await RejectInSettingsAsync(_world.People[2], templateId);
            await AwaitConsentAsync(openId, templateId, "reject");
            // Armed for the next subscribe send: still armed afterwards only if WeLink never tried one.
            await _world.ControlAsync("faults/api", new { api = "message/subscribe/send", count = 1, errcode = -1 });
            await AcknowledgeAsync(complaint.Id);

            var fallback = Assert.Single(await _world.AwaitMessagesAsync(TemplateSend, accountOpenId, 1, "处理中 from the dealer account"));
            Assert.Equal(_world.MiniProgramAppId, fallback.GetProperty("body").GetProperty("miniprogram").GetProperty("appid").GetString());
            Assert.Single(await _world.MessagesAsync(SubscribeSend, openId));
            Assert.NotNull(_world.Host.Services.GetRequiredService<FaultBook>().TakeApiFault("/cgi-bin/message/subscribe/send"));
        }
    }

    [Fact]
    public async Task Without_a_follow_a_rejected_template_leaves_the_message_undeliverable_naming_the_rejection()
    {
        var (consumer, openId) = await _world.MiniProgramConsumerAsync(_world.People[0]);
        using (consumer)
        {
            var templateId = await TemplateIdAsync(consumer);
            await _world.ControlAsync($"miniprogram/{_world.MiniProgramAppId}/subscribe", new { openid = openId, template_ids = new[] { templateId }, accept = false });
            await AwaitConsentAsync(openId, templateId, "reject");

            var complaint = await ComplaintTests.FileAsync(consumer, "rejected-first", "服务态度", "low");

            var reason = await Poll.UntilAsync(
                () => _world.QuerySingleAsync<string>(
                    "SELECT COALESCE(MAX(reason), '') FROM case_messages WHERE case_id = @caseId AND status = 'undeliverable'", new { caseId = complaint.Id }),
                r => r.Length > 0,
                Deadline.Delivery,
                "the receipt recorded as undeliverable");
            Assert.Equal("消费者已拒绝接收小程序消息，也未关注经销商公众号", reason);
            Assert.Empty(await _world.MessagesAsync(SubscribeSend, openId));
        }
    }

    [Fact]
    public async Task A_replayed_or_late_event_changes_nothing_and_an_event_naming_a_template_welink_did_not_add_is_skipped()
    {
        var (consumer, openId) = await _world.MiniProgramConsumerAsync(_world.People[1]);
        using (consumer)
        {
            var templateId = await TemplateIdAsync(consumer);
            var handler = _world.Host.Services.GetRequiredService<SubscribeEventsHandler>();
            var accept = Popup(openId, templateId, "accept", createTime: 1_800_000_000);
            var reject = Change(openId, templateId, createTime: 1_800_000_060);

            await HandleAsync(handler, accept);
            await HandleAsync(handler, reject);
            await HandleAsync(handler, accept);
            await HandleAsync(handler, Popup(openId, "not-a-welink-template", "accept", createTime: 1_800_000_120));
            await HandleAsync(handler, Sent(openId, templateId, msgId: null));

            Assert.Equal("reject", await ConsentAsync(openId, templateId));
            Assert.Equal(1L, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM subscribe_consents WHERE open_id = @openId", new { openId }));
        }
    }

    [Fact]
    public async Task A_replayed_delivery_report_marks_no_second_message()
    {
        var (consumer, openId) = await _world.MiniProgramConsumerAsync(_world.People[0]);
        using (consumer)
        {
            var templateId = await TemplateIdAsync(consumer);
            foreach (var _ in new[] { 1, 2 })
            {
                await _world.ControlAsync($"miniprogram/{_world.MiniProgramAppId}/subscribe", new { openid = openId, template_ids = new[] { templateId }, accept = true });
            }

            var complaint = await ComplaintTests.FileAsync(consumer, "replayed-report", "服务态度", "normal");
            var receipt = Assert.Single(await _world.AwaitMessagesAsync(SubscribeSend, openId, 1, "the receipt"));
            await AwaitReportedAsync(complaint.Id);
            await _world.ControlAsync("faults/pushes", new { kind = "drop", count = 1 });
            await AcknowledgeAsync(complaint.Id);
            await _world.AwaitMessagesAsync(SubscribeSend, openId, 2, "处理中 as a subscribe message, its report lost");
            var handler = _world.Host.Services.GetRequiredService<SubscribeEventsHandler>();

            await HandleAsync(handler, Sent(openId, templateId, receipt.GetProperty("msg_id").GetString()));

            Assert.Equal(1L, await _world.QuerySingleAsync<long>(
                "SELECT COUNT(*) FROM case_messages WHERE case_id = @caseId AND delivery IS NOT NULL", new { caseId = complaint.Id }));
        }
    }

    private async Task<string> FollowerAsync(string person)
    {
        await _world.FollowAsync(person);
        var accountOpenId = await _world.OpenIdAsync(person);
        await Poll.UntilAsync(
            () => _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM consumers WHERE open_id = @accountOpenId AND union_id IS NOT NULL", new { accountOpenId }),
            count => count == 1,
            Deadline.BackgroundWork,
            "WeLink knowing the follower and their unionid");
        return accountOpenId;
    }

    private static async Task<string> TemplateIdAsync(HttpClient consumer)
    {
        var body = await consumer.GetFromJsonAsync<JsonElement>(new Uri("/api/consumer/miniprogram/subscriptions", UriKind.Relative));
        return body.GetProperty("templateIds")[0].GetString()!;
    }

    /// <summary>The consumer turns the template off under 服务通知 → 设置 on their sandbox phone.</summary>
    private async Task RejectInSettingsAsync(string person, string templateId)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "reject-subscription",
            ["consumer_id"] = person,
            ["appid"] = _world.MiniProgramAppId,
            ["template_id"] = templateId,
        });
        using var response = await _world.Host.Http.PostAsync(new Uri("/sandbox/phones/act", UriKind.Relative), form);
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    private async Task AcknowledgeAsync(Guid caseId)
    {
        using var advisor = await _world.StaffAsync(_world.Advisor);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/staff/cases/{caseId}/transitions/acknowledge", UriKind.Relative))
        {
            Content = JsonContent.Create(new { }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await advisor.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private Task<string> ConsentAsync(string openId, string templateId) => _world.QuerySingleAsync<string>(
        "SELECT COALESCE(MAX(status), '') FROM subscribe_consents WHERE app_id = @appId AND open_id = @openId AND template_id = @templateId",
        new { appId = _world.MiniProgramAppId, openId, templateId });

    private Task<string> AwaitConsentAsync(string openId, string templateId, string status) =>
        Poll.UntilAsync(() => ConsentAsync(openId, templateId), s => s == status, Deadline.Delivery, $"the consumer's {status} recorded from WeChat's event");

    /// <summary>The case's first mini-program message once WeChat's report marked it: delivery, MsgID, template, error.</summary>
    private Task<(string Delivery, string? MsgId, string? TemplateId, string? Error)> AwaitReportedAsync(Guid caseId) =>
        Poll.UntilAsync(
            () => _world.QuerySingleAsync<(string, string?, string?, string?)>(
                """
                SELECT COALESCE(MAX(delivery), ''), MAX(wechat_msg_id), MAX(template_id), MAX(delivery_error) FROM case_messages
                WHERE case_id = @caseId AND channel = 'miniprogram' AND status = 'sent' AND delivery IS NOT NULL
                """,
                new { caseId }),
            row => row.Item1.Length > 0,
            Deadline.Delivery,
            "WeChat's delivery report in the ledger");

    private Task HandleAsync(SubscribeEventsHandler handler, string xml) => handler.HandleAsync(
        new InboxEvent(Guid.CreateVersion7(), CallbackChannel.Account, _world.MiniProgramAppId, DateTimeOffset.UtcNow, 1), CallbackMessageParser.Parse(xml), CancellationToken.None);

    private static string Envelope(string openId, long createTime, string eventName, string container, string item) =>
        $"<xml><ToUserName><![CDATA[gh_mini]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName><CreateTime>{createTime}</CreateTime>"
        + $"<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{eventName}]]></Event><{container}><List>{item}</List></{container}></xml>";

    private static string Popup(string openId, string templateId, string status, long createTime) => Envelope(
        openId, createTime, "subscribe_msg_popup_event", "SubscribeMsgPopupEvent",
        $"<TemplateId><![CDATA[{templateId}]]></TemplateId><SubscribeStatusString><![CDATA[{status}]]></SubscribeStatusString><PopupScene>0</PopupScene>");

    private static string Change(string openId, string templateId, long createTime) => Envelope(
        openId, createTime, "subscribe_msg_change_event", "SubscribeMsgChangeEvent",
        $"<TemplateId><![CDATA[{templateId}]]></TemplateId><SubscribeStatusString><![CDATA[reject]]></SubscribeStatusString>");

    private static string Sent(string openId, string templateId, string? msgId) => Envelope(
        openId, 1_800_000_200, "subscribe_msg_sent_event", "SubscribeMsgSentEvent",
        $"<TemplateId><![CDATA[{templateId}]]></TemplateId>{(msgId is null ? "" : $"<MsgID>{msgId}</MsgID>")}<ErrorCode>0</ErrorCode><ErrorStatus><![CDATA[success]]></ErrorStatus>");
}

public sealed class SubscribeEventTests_on_Sqlite() : SubscribeEventTests(DatabaseProvider.Sqlite);

public sealed class SubscribeEventTests_on_Postgres() : SubscribeEventTests(DatabaseProvider.Postgres);
