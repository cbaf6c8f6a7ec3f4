using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Wechat.Http;
using WeLink.Wechat.Tokens;
using WeLink.Wechat.WeCom;
using WeLink.Wechat.WeCom.Models;

namespace WeLink.Sandbox.Tests.Clients;

public sealed class CorpClientTests
{
    private const string SendApi = "/cgi-bin/message/send";
    private readonly SharedState _shared = new();

    [Fact]
    public async Task A_text_message_reaches_valid_staff_and_names_the_invalid_ones()
    {
        await using var host = await StartInstalledAsync();
        var (corp, installation) = (host.DealerCorp(), host.Credentials().Grants.FindInstallation(host.DealerCorp().Corp.CorpId)!);
        var member = corp.Staff[1].UserId;
        await using var node = WelinkNode.Start(host, _shared);

        var answer = await node.Get<CorpClient>().SendMessageAsync(
            corp.Corp.CorpId, MessageSendRequest.ForText($"{member}|nobody", installation.AgentId, "新的试驾预约"), CancellationToken.None);

        Assert.Equal("nobody", answer.Invaliduser);
        var sent = Assert.Single(host.SentMessages());
        Assert.Equal([member], sent.Recipients);
        Assert.Equal("新的试驾预约", sent.Body.GetProperty("text").GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_button_card_answers_a_response_code_that_updates_the_card_once()
    {
        await using var host = await StartInstalledAsync();
        var corp = host.DealerCorp();
        var agentId = corp.Corp.AgentId;
        await using var node = WelinkNode.Start(host, _shared);
        var client = node.Get<CorpClient>();
        var card = new TemplateCard
        {
            CardType = "button_interaction",
            MainTitle = new CardTitle { Title = "新投诉", Desc = "客户: 李伟" },
            TaskId = "case-7-v1",
            ButtonList = [new CardButton { Text = "接单", Style = 1, Key = "accept" }],
        };

        var sent = await client.SendMessageAsync(corp.Corp.CorpId, MessageSendRequest.ForTemplateCard(corp.Staff[0].UserId, agentId, card), CancellationToken.None);
        var update = new MessageUpdateTemplateCardRequest
        {
            Userids = [corp.Staff[0].UserId],
            Agentid = agentId,
            ResponseCode = sent.ResponseCode!,
            Button = new UpdatedButton { ReplaceName = "已接单" },
        };
        await client.UpdateTemplateCardAsync(corp.Corp.CorpId, update, CancellationToken.None);
        var again = await Assert.ThrowsAsync<WechatApiException>(() => client.UpdateTemplateCardAsync(corp.Corp.CorpId, update, CancellationToken.None));

        Assert.NotNull(sent.Msgid);
        Assert.Equal(40058, again.Errcode);
        Assert.Equal("/cgi-bin/message/update_template_card", again.ApiPath);
    }

    [Fact]
    public async Task Staff_and_external_contacts_are_read()
    {
        await using var host = await StartInstalledAsync();
        var corp = host.DealerCorp();
        var contact = corp.ExternalContacts[0];
        await using var node = WelinkNode.Start(host, _shared);
        var client = node.Get<CorpClient>();

        var user = await client.GetUserAsync(corp.Corp.CorpId, corp.Staff[0].UserId, CancellationToken.None);
        var external = await client.GetExternalContactAsync(corp.Corp.CorpId, contact.ExternalUserId, CancellationToken.None);

        Assert.Equal(corp.Staff[0].Name, user.Name);
        Assert.Equal(corp.Staff[0].Departments.Select(d => (long)d), user.Department);
        Assert.Equal(contact.Name, external.ExternalContact.Name);
        Assert.Equal(contact.FollowUserIds, external.FollowUser.Select(f => f.Userid));
    }

    [Fact]
    public async Task A_lookup_GET_that_fails_with_HTTP_503_is_retried_but_a_message_POST_is_not()
    {
        await using var host = await StartInstalledAsync();
        var corp = host.DealerCorp();
        await using var node = WelinkNode.Start(host, _shared);
        var client = node.Get<CorpClient>();
        await host.ArmApiFaultAsync("cgi-bin/user/get", httpStatus: 503);
        await host.ArmApiFaultAsync("cgi-bin/message/send", httpStatus: 503);

        var user = await client.GetUserAsync(corp.Corp.CorpId, corp.Staff[0].UserId, CancellationToken.None);
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendMessageAsync(
            corp.Corp.CorpId, MessageSendRequest.ForText(corp.Staff[0].UserId, corp.Corp.AgentId, "hi"), CancellationToken.None));

        Assert.Equal(corp.Staff[0].UserId, user.Userid);
        Assert.Equal(2, _shared.Wire.Count("/cgi-bin/user/get"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Equal(1, _shared.Wire.Count(SendApi));
        Assert.Empty(host.SentMessages());
        var token = await node.Get<CorpTokenProvider>().GetAsync(corp.Corp.CorpId, CancellationToken.None);
        Assert.Contains(_shared.Logs.Lines, line => line.Contains("WeChat API /cgi-bin/message/send answered HTTP 503", StringComparison.Ordinal));
        Assert.Contains(_shared.Logs.Lines, line => line.StartsWith("Polly", StringComparison.Ordinal));
        Assert.DoesNotContain(_shared.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_injected_40014_causes_one_corp_token_refresh_and_one_retry()
    {
        await using var host = await StartInstalledAsync();
        var corp = host.DealerCorp();
        await using var node = WelinkNode.Start(host, _shared);
        var client = node.Get<CorpClient>();
        await client.GetUserAsync(corp.Corp.CorpId, corp.Staff[0].UserId, CancellationToken.None);
        await host.ArmApiFaultAsync("cgi-bin/message/send", errcode: 40014);

        await client.SendMessageAsync(
            corp.Corp.CorpId, MessageSendRequest.ForText(corp.Staff[0].UserId, corp.Corp.AgentId, "hi"), CancellationToken.None);

        Assert.Equal(2, _shared.Wire.Count("/cgi-bin/service/get_corp_token"));
        Assert.Equal(2, _shared.Wire.Count(SendApi));
        Assert.Single(host.SentMessages());
    }

    [Fact]
    public async Task Department_members_are_listed_with_or_without_sub_departments()
    {
        await using var host = await StartInstalledAsync();
        var corp = host.DealerCorp();
        await using var node = WelinkNode.Start(host, _shared);
        var client = node.Get<CorpClient>();

        var everyone = await client.ListDepartmentMembersAsync(corp.Corp.CorpId, 1, includeSubDepartments: true, CancellationToken.None);
        var rootOnly = await client.ListDepartmentMembersAsync(corp.Corp.CorpId, 1, includeSubDepartments: false, CancellationToken.None);
        var sales = await client.ListDepartmentMembersAsync(corp.Corp.CorpId, 2, includeSubDepartments: true, CancellationToken.None);
        var unknown = await Assert.ThrowsAsync<WechatApiException>(
            () => client.ListDepartmentMembersAsync(corp.Corp.CorpId, 99, includeSubDepartments: true, CancellationToken.None));

        Assert.Equal(corp.Staff.Select(s => s.UserId).Order(), everyone.Userlist.Select(u => u.Userid).Order());
        Assert.Empty(rootOnly.Userlist);
        Assert.Equal(corp.Staff.Where(s => s.Departments.Contains(2)).Select(s => s.Name).Order(), sales.Userlist.Select(u => u.Name!).Order());
        Assert.Equal(60123, unknown.Errcode);
    }

    private async Task<SandboxHost> StartInstalledAsync()
    {
        var host = await SandboxHost.StartAsync();
        await host.DeliverSuiteTicketAsync(_shared);
        await host.InstallDealerCorpAsync(_shared);
        return host;
    }
}
