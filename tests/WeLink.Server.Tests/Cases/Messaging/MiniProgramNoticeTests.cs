using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.World;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Data;
using WeLink.Server.Tests.Complaints;

namespace WeLink.Server.Tests.Cases.Messaging;

/// <summary>
/// A consumer who files from the brand's mini program hears of their request by subscribe message while they have an
/// acceptance left, else through the dealer's account they follow (same unionid), else the ledger says why nobody heard;
/// all through the sandbox's mini program and account, on a real complaint.
/// </summary>
public abstract class MiniProgramNoticeTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string SubscribeSend = "subscribe/send";
    private const string TemplateSend = "template/send";

    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string DetailPage(Guid caseId) => $"pages/complaints/detail?id={caseId}&dealerId={_world.BeijingDealerId}";

    [Fact]
    public async Task The_page_gets_the_mini_programs_own_subscribe_template_which_WeLink_adds_once()
    {
        var (consumer, _) = await _world.MiniProgramConsumerAsync(_world.People[0]);
        using (consumer)
        {
            var first = await SubscriptionsAsync(consumer);
            var second = await SubscriptionsAsync(consumer);

            var added = Assert.Single(_world.Host.Services.GetRequiredService<SandboxWorld>().FindAccount(_world.MiniProgramAppId)!.SubscribeTemplates);
            Assert.Equal([added.TemplateId], first);
            Assert.Equal(first, second);
            Assert.Equal("服务进度提醒", added.Title);
            Assert.Equal(1L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM account_templates WHERE app_id = @appId", new { appId = _world.MiniProgramAppId }));
        }
    }

    [Fact]
    public async Task An_accepted_subscription_brings_the_receipt_opening_the_request_and_the_next_status_without_one_is_recorded_as_undeliverable()
    {
        var (consumer, openId) = await _world.MiniProgramConsumerAsync(_world.People[1]);
        using (consumer)
        {
            await AcceptAsync(openId, (await SubscriptionsAsync(consumer))[0]);
            var complaint = await ComplaintTests.FileAsync(consumer, "mp-accepted", "服务态度", "normal");

            var receipt = Assert.Single(await _world.AwaitMessagesAsync(SubscribeSend, openId, 1, "the receipt as a subscribe message"));
            var body = receipt.GetProperty("body");
            Assert.Equal(DetailPage(complaint.Id), body.GetProperty("page").GetString());
            Assert.Equal("已受理", body.GetProperty("data").GetProperty("phrase2").GetProperty("value").GetString());
            Assert.Equal(("sent", CaseMessenger.MiniProgramChannel, openId), await LedgerAsync(complaint.Id, "sent"));

            await AcknowledgeAsync(complaint.Id);

            var (status, channel, recipients) = await LedgerAsync(complaint.Id, "undeliverable");
            Assert.Equal((CaseMessenger.MiniProgramChannel, openId), (channel, recipients));
            Assert.Single(await _world.MessagesAsync(SubscribeSend, openId));
            Assert.Equal("消费者未订阅小程序消息，也未关注经销商公众号", await _world.QuerySingleAsync<string>(
                "SELECT reason FROM case_messages WHERE case_id = @caseId AND status = 'undeliverable'", new { caseId = complaint.Id }));
            Assert.Equal("undeliverable", status);
        }
    }

    [Fact]
    public async Task Without_an_acceptance_a_follower_of_the_dealer_account_gets_its_template_message_opening_the_same_page()
    {
        await _world.FollowAsync(_world.People[2]);
        var accountOpenId = await _world.OpenIdAsync(_world.People[2]);
        await Poll.UntilAsync(
            () => _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM consumers WHERE open_id = @accountOpenId AND union_id IS NOT NULL", new { accountOpenId }),
            count => count == 1,
            Deadline.BackgroundWork,
            "WeLink knowing the follower and their unionid");
        var (consumer, openId) = await _world.MiniProgramConsumerAsync(_world.People[2]);
        using (consumer)
        {
            var complaint = await ComplaintTests.FileAsync(consumer, "mp-follower", "维修质量", "high");

            var message = Assert.Single(await _world.AwaitMessagesAsync(TemplateSend, accountOpenId, 1, "the receipt from the dealer account"));
            var link = message.GetProperty("body").GetProperty("miniprogram");
            Assert.Equal((_world.MiniProgramAppId, DetailPage(complaint.Id)), (link.GetProperty("appid").GetString(), link.GetProperty("pagepath").GetString()));
            Assert.Empty(await _world.MessagesAsync(SubscribeSend, openId));
            Assert.Equal(("sent", CaseMessenger.ConsumerChannel, accountOpenId), await LedgerAsync(complaint.Id, "sent"));
        }
    }

    [Fact]
    public async Task A_repeated_delivery_sends_nothing_again_and_spends_no_second_acceptance()
    {
        var (consumer, openId) = await _world.MiniProgramConsumerAsync(_world.People[0]);
        using (consumer)
        {
            var templateId = (await SubscriptionsAsync(consumer))[0];
            await AcceptAsync(openId, templateId);
            await AcceptAsync(openId, templateId);
            var complaint = await ComplaintTests.FileAsync(consumer, "mp-repeat", "服务态度", "low");
            await _world.AwaitMessagesAsync(SubscribeSend, openId, 1, "the receipt");
            var key = await _world.QuerySingleAsync<string>("SELECT idempotency_key FROM case_messages WHERE case_id = @caseId AND channel = @channel", new { caseId = complaint.Id, channel = CaseMessenger.MiniProgramChannel });
            var consumerId = await _world.QuerySingleAsync<Guid>("SELECT id FROM consumers WHERE open_id = @openId", new { openId });

            await _world.Host.Services.GetRequiredService<CaseMessenger>().SendToConsumerAsync(
                new ConsumerMessage(key, complaint.Id, _world.BeijingDealerId, "complaint", consumerId, "send_receipt: 重发", "您的投诉已受理", "服务态度", "已受理", ""),
                CancellationToken.None);

            Assert.Single(await _world.MessagesAsync(SubscribeSend, openId));
            Assert.Equal(1, _world.Host.Services.GetRequiredService<SandboxWorld>().SubscriptionsLeft(_world.MiniProgramAppId, openId, templateId));
        }
    }

    private static async Task<IReadOnlyList<string>> SubscriptionsAsync(HttpClient consumer)
    {
        using var response = await consumer.GetAsync(new Uri("/api/consumer/miniprogram/subscriptions", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("templateIds").EnumerateArray().Select(t => t.GetString()!)];
    }

    private Task<JsonElement> AcceptAsync(string openId, string templateId) =>
        _world.ControlAsync($"miniprogram/{_world.MiniProgramAppId}/subscribe", new { openid = openId, template_ids = new[] { templateId }, accept = true });

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

    /// <summary>Waits for the case's consumer message with this status and answers its status, channel and recipients.</summary>
    private Task<(string Status, string Channel, string Recipients)> LedgerAsync(Guid caseId, string status) =>
        Poll.UntilAsync(
            () => _world.QuerySingleAsync<(string, string, string)>(
                """
                SELECT COALESCE(MAX(status), ''), COALESCE(MAX(channel), ''), COALESCE(MAX(recipients), '') FROM case_messages
                WHERE case_id = @caseId AND status = @status AND channel <> 'wecom'
                """,
                new { caseId, status }),
            row => row.Item1 == status,
            Deadline.Delivery,
            $"a consumer message {status} in the ledger");
}

public sealed class MiniProgramNoticeTests_on_Sqlite() : MiniProgramNoticeTests(DatabaseProvider.Sqlite);

public sealed class MiniProgramNoticeTests_on_Postgres() : MiniProgramNoticeTests(DatabaseProvider.Postgres);
