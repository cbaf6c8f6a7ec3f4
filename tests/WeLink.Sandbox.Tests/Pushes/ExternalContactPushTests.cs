using System.Text.Json;
using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Wechat.Messages;

namespace WeLink.Sandbox.Tests.Pushes;

/// <summary>Customer relations made and ended in WeCom, pushed as change_external_contact to the suite's instruction URL (doc 92277).</summary>
public sealed class ExternalContactPushTests
{
    [Fact]
    public async Task A_member_adding_a_consumer_is_pushed_once_with_state_and_welcome_code_and_the_contact_can_be_read()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        var world = await WorldView.ReadAsync(host);
        var corp = await host.InstallCorpAsync(world.CorpId(1));
        var userId = world.StaffUserId(1, 0);

        var added = await AddAsync(host, corp.CorpId, userId, world.ConsumerId(1), "qr-showroom");
        await host.FinishedPushAsync(added.PushId());
        var again = await AddAsync(host, corp.CorpId, userId, world.ConsumerId(1), "qr-showroom");

        var push = Assert.Single(receiver.Of("change_external_contact"));
        Assert.Equal(SandboxHost.SuiteId, push.ReceiveId);
        var change = Assert.IsType<ChangeExternalContactInstruction>(CallbackMessageParser.Parse(push.Message));
        var externalUserId = added.Text("external_userid");
        Assert.Equal((corp.CorpId, "add_external_contact", userId, externalUserId, "qr-showroom"), (change.AuthCorpId, change.ChangeType, change.UserId, change.ExternalUserId, change.State));
        Assert.False(string.IsNullOrEmpty(change.WelcomeCode));
        Assert.Equal(SandboxHost.SuiteId, change.SuiteId);
        Assert.False(again.TryGetProperty("push_id", out _));
        var contact = await host.Client.GetJsonAsync($"wecom/cgi-bin/externalcontact/get?access_token={corp.AccessToken}&external_userid={externalUserId}");
        Assert.Equal(userId, Assert.Single(contact.GetProperty("follow_user").EnumerateArray()).Text("userid"));
    }

    [Fact]
    public async Task An_edited_remark_a_member_deleting_and_a_customer_deleting_are_pushed_and_a_contact_nobody_follows_is_gone()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        var world = await WorldView.ReadAsync(host);
        var corp = await host.InstallCorpAsync(world.CorpId(1));
        var (first, second) = (world.StaffUserId(1, 0), world.StaffUserId(1, 1));
        var externalUserId = (await AddAsync(host, corp.CorpId, first, world.ConsumerId(2), null)).Text("external_userid");
        await AddAsync(host, corp.CorpId, second, world.ConsumerId(2), null);

        var edited = await host.Client.PostJsonAsync("control/wecom/external-contacts/edit", new { corpid = corp.CorpId, userid = first, external_userid = externalUserId, remark = "张先生 3 系车主" });
        await host.FinishedPushAsync(edited.PushId());
        var remarked = await host.Client.GetJsonAsync($"wecom/cgi-bin/externalcontact/get?access_token={corp.AccessToken}&external_userid={externalUserId}");
        var byStaff = await DeleteAsync(host, corp.CorpId, first, externalUserId, byCustomer: false);
        await host.FinishedPushAsync(byStaff.PushId());
        var stillFollowed = await host.Client.GetJsonAsync($"wecom/cgi-bin/externalcontact/get?access_token={corp.AccessToken}&external_userid={externalUserId}");
        var byCustomer = await DeleteAsync(host, corp.CorpId, second, externalUserId, byCustomer: true);
        await host.FinishedPushAsync(byCustomer.PushId());
        var gone = await host.Client.GetJsonAsync($"wecom/cgi-bin/externalcontact/get?access_token={corp.AccessToken}&external_userid={externalUserId}");

        var changes = receiver.Of("change_external_contact").Select(p => (ChangeExternalContactInstruction)CallbackMessageParser.Parse(p.Message)).ToList();
        Assert.Equal(
            ["add_external_contact", "add_external_contact", "edit_external_contact", "del_external_contact", "del_follow_user"],
            changes.Select(c => c.ChangeType));
        Assert.Equal([first, second, first, first, second], changes.Select(c => c.UserId));
        Assert.All(changes, c => Assert.Equal(externalUserId, c.ExternalUserId));
        Assert.Equal("张先生 3 系车主", remarked.GetProperty("follow_user").EnumerateArray().Single(f => f.Text("userid") == first).Text("remark"));
        Assert.Equal(second, Assert.Single(stillFollowed.GetProperty("follow_user").EnumerateArray()).Text("userid"));
        Assert.Equal(84061, gone.Errcode());
        Assert.Equal(externalUserId, (await AddAsync(host, corp.CorpId, first, world.ConsumerId(2), null)).Text("external_userid"));
    }

    [Fact]
    public async Task A_corp_without_the_suite_gets_no_push_and_ending_a_relation_that_is_not_there_is_refused()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        var world = await WorldView.ReadAsync(host);
        var userId = world.StaffUserId(1, 0);

        var added = await AddAsync(host, world.CorpId(1), userId, world.ConsumerId(1), null);
        using var refused = await host.Client.PostAsJsonAsync(
            new Uri("control/wecom/external-contacts/delete", UriKind.Relative),
            new { corpid = world.CorpId(1), userid = world.StaffUserId(1, 1), external_userid = added.Text("external_userid") });

        Assert.False(added.TryGetProperty("push_id", out _));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Empty(receiver.Of("change_external_contact"));
    }

    private static Task<JsonElement> AddAsync(SandboxHost host, string corpId, string userId, string consumerId, string? state) =>
        host.Client.PostJsonAsync("control/wecom/external-contacts/add", new { corpid = corpId, userid = userId, consumer_id = consumerId, state });

    private static Task<JsonElement> DeleteAsync(SandboxHost host, string corpId, string userId, string externalUserId, bool byCustomer) =>
        host.Client.PostJsonAsync("control/wecom/external-contacts/delete", new { corpid = corpId, userid = userId, external_userid = externalUserId, by_customer = byCustomer });
}
