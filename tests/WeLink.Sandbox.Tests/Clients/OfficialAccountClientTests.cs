using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Wechat.Http;
using WeLink.Wechat.OfficialAccount;
using WeLink.Wechat.OfficialAccount.Models;

namespace WeLink.Sandbox.Tests.Clients;

public sealed class OfficialAccountClientTests
{
    private const string CustomSendApi = "/cgi-bin/message/custom/send";
    private readonly SharedState _shared = new();

    [Fact]
    public async Task A_customer_service_message_reaches_a_consumer_who_just_wrote()
    {
        await using var host = await StartAuthorizedAsync();
        var openId = host.ConsumerWritesToDealer();
        await using var node = WelinkNode.Start(host, _shared);

        await node.Get<OfficialAccountClient>().SendCustomMessageAsync(
            host.DealerAccount().AppId, MessageCustomSendRequest.ForText(openId, "您好，试驾已为您预约"), CancellationToken.None);

        var sent = Assert.Single(host.SentMessages());
        Assert.Equal("custom/send", sent.Api);
        Assert.Equal([openId], sent.Recipients);
        Assert.Equal("您好，试驾已为您预约", sent.Body.GetProperty("text").GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_customer_service_message_without_a_recent_interaction_is_refused_with_45015()
    {
        await using var host = await StartAuthorizedAsync();
        var openId = host.ConsumerWritesToDealer();
        host.Advance(TimeSpan.FromHours(48));
        _shared.Time.Advance(TimeSpan.FromHours(48));
        await host.DeliverComponentTicketAsync(_shared);
        await using var node = WelinkNode.Start(host, _shared);

        var failure = await Assert.ThrowsAsync<WechatApiException>(() => node.Get<OfficialAccountClient>().SendCustomMessageAsync(
            host.DealerAccount().AppId, MessageCustomSendRequest.ForText(openId, "hello"), CancellationToken.None));

        Assert.Equal(45015, failure.Errcode);
        Assert.Equal(CustomSendApi, failure.ApiPath);
        Assert.Empty(host.SentMessages());
    }

    [Fact]
    public async Task A_template_message_is_sent_to_a_follower()
    {
        await using var host = await StartAuthorizedAsync();
        var openId = host.ConsumerWritesToDealer();
        var template = host.DealerAccount().Templates[0];
        await using var node = WelinkNode.Start(host, _shared);

        var answer = await node.Get<OfficialAccountClient>().SendTemplateMessageAsync(
            host.DealerAccount().AppId,
            new MessageTemplateSendRequest
            {
                Touser = openId,
                TemplateId = template.TemplateId,
                ClientMsgId = "case-7-booked",
                Data = new Dictionary<string, TemplateDataValue> { ["thing2"] = new() { Value = "试驾预约" } },
            },
            CancellationToken.None);

        Assert.True(answer.Msgid > 0);
        Assert.Equal("template/send", Assert.Single(host.SentMessages()).Api);
    }

    [Fact]
    public async Task A_subscribe_notice_uses_the_consumers_one_time_consent()
    {
        await using var host = await StartAuthorizedAsync();
        var openId = host.ConsumerWritesToDealer();
        var account = host.DealerAccount();
        var template = account.SubscribeTemplates[0];
        host.Consumers().SubscribeToTemplate(host.World().Snapshot().Consumers[0].Consumer.Id, account.AppId, template.TemplateId);
        await using var node = WelinkNode.Start(host, _shared);
        var request = new MessageSubscribeBizsendRequest
        {
            Touser = openId,
            TemplateId = template.TemplateId,
            Data = new Dictionary<string, TemplateDataValue> { ["thing1"] = new() { Value = "试驾确认" } },
        };

        await node.Get<OfficialAccountClient>().SendSubscribeMessageAsync(account.AppId, request, CancellationToken.None);
        var second = await Assert.ThrowsAsync<WechatApiException>(
            () => node.Get<OfficialAccountClient>().SendSubscribeMessageAsync(account.AppId, request, CancellationToken.None));

        Assert.Equal("subscribe/bizsend", Assert.Single(host.SentMessages()).Api);
        Assert.Equal(43101, second.Errcode);
    }

    [Fact]
    public async Task A_follow_through_a_staff_QR_code_is_attributed_to_that_staff_member()
    {
        await using var host = await StartAuthorizedAsync();
        var account = host.DealerAccount();
        var consumerId = host.World().Snapshot().Consumers[1].Consumer.Id;
        await using var node = WelinkNode.Start(host, _shared);
        var client = node.Get<OfficialAccountClient>();

        var qrCode = await client.CreateQrCodeAsync(account.AppId, QrScene.Staff("staff-7"), TimeSpan.FromDays(7), CancellationToken.None);
        host.Consumers().ScanQrCode(consumerId, qrCode.Ticket);
        var user = await client.GetUserInfoAsync(account.AppId, host.World().IdentityOf(account.AppId, consumerId).OpenId, CancellationToken.None);

        Assert.Equal(604800, qrCode.ExpireSeconds);
        Assert.Equal(1, user.Subscribe);
        Assert.Equal("ADD_SCENE_QR_CODE", user.SubscribeScene);
        Assert.True(QrScene.TryParse(user.QrSceneStr, out var scene));
        Assert.Equal(QrScene.Staff("staff-7"), scene);
    }

    [Fact]
    public async Task The_menu_is_created_for_the_account()
    {
        await using var host = await StartAuthorizedAsync();
        var appId = host.DealerAccount().AppId;
        await using var node = WelinkNode.Start(host, _shared);

        await node.Get<OfficialAccountClient>().CreateMenuAsync(
            appId,
            new MenuCreateRequest
            {
                Button =
                [
                    new MenuButton { Type = "click", Name = "预约试驾", Key = "test_drive" },
                    new MenuButton { Name = "会员", SubButton = [new MenuButton { Type = "view", Name = "会员卡", Url = "https://welink.example.com/card" }] },
                ],
            },
            CancellationToken.None);

        var menu = host.World().MenuOf(appId)!;
        Assert.Contains("\"key\":\"test_drive\"", menu, StringComparison.Ordinal);
        Assert.Contains("\"sub_button\":[{\"type\":\"view\"", menu, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_injected_40001_causes_one_authorizer_token_refresh_and_one_retry_and_the_message_goes_once()
    {
        await using var host = await StartAuthorizedAsync();
        var openId = host.ConsumerWritesToDealer();
        await using var node = WelinkNode.Start(host, _shared);
        var client = node.Get<OfficialAccountClient>();
        await client.GetUserInfoAsync(host.DealerAccount().AppId, openId, CancellationToken.None);
        await host.ArmApiFaultAsync("cgi-bin/message/custom/send", errcode: 40001);

        await client.SendCustomMessageAsync(host.DealerAccount().AppId, MessageCustomSendRequest.ForText(openId, "hi"), CancellationToken.None);

        Assert.Equal(2, _shared.Wire.Count("/cgi-bin/component/api_authorizer_token"));
        Assert.Equal(2, _shared.Wire.Count(CustomSendApi));
        Assert.Single(host.SentMessages());
    }

    [Fact]
    public async Task A_message_POST_that_fails_with_HTTP_503_is_not_retried()
    {
        await using var host = await StartAuthorizedAsync();
        var openId = host.ConsumerWritesToDealer();
        await using var node = WelinkNode.Start(host, _shared);
        await host.ArmApiFaultAsync("cgi-bin/message/custom/send", httpStatus: 503);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => node.Get<OfficialAccountClient>().SendCustomMessageAsync(
            host.DealerAccount().AppId, MessageCustomSendRequest.ForText(openId, "hi"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Equal(1, _shared.Wire.Count(CustomSendApi));
        Assert.Empty(host.SentMessages());
    }

    private async Task<SandboxHost> StartAuthorizedAsync()
    {
        var host = await SandboxHost.StartAsync();
        await host.DeliverComponentTicketAsync(_shared);
        await host.AuthorizeDealerAccountAsync(_shared);
        return host;
    }
}
