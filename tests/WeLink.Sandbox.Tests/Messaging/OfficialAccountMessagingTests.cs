using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Messaging;

public sealed class OfficialAccountMessagingTests
{
    [Fact]
    public async Task A_template_message_reaches_a_follower_and_is_recorded()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var openId = await host.FollowAsync(world.ConsumerId(0), account.AppId);

        var response = await host.SendAsync("template/send", account.AccessToken, new
        {
            touser = openId,
            template_id = TemplateId(world, account.AppId),
            data = new { thing2 = new { value = "Oil change" } },
        });

        var recorded = await host.Client.GetJsonAsync("control/messages");
        Assert.Equal(0, response.Errcode());
        Assert.True(response.GetProperty("msgid").GetInt64() > 0);
        Assert.Equal("template/send", recorded[0].Text("api"));
        Assert.Equal(openId, recorded[0].GetProperty("recipients")[0].GetString());
    }

    [Fact]
    public async Task A_library_template_added_to_an_account_gets_the_accounts_own_id_with_the_picked_keywords_and_can_be_sent()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var openId = await host.FollowAsync(world.ConsumerId(0), account.AppId);

        var first = await host.AddTemplateAsync(account.AccessToken, "47317", ["处理进度", "服务项目"]);
        var second = await host.AddTemplateAsync(account.AccessToken, "47317", ["处理进度", "服务项目"]);
        var templateId = first.Text("template_id");
        var sent = await host.SendAsync("template/send", account.AccessToken, new { touser = openId, template_id = templateId, data = new { phrase2 = new { value = "处理中" } } });

        Assert.Equal((0, 0, 0), (first.Errcode(), second.Errcode(), sent.Errcode()));
        Assert.NotEqual(templateId, second.Text("template_id"));
        var added = (await WorldView.ReadAsync(host)).Account(account.AppId).GetProperty("templates").EnumerateArray().Single(t => t.Text("template_id") == templateId);
        Assert.Equal("服务进度通知", added.Text("title"));
        Assert.Equal("处理进度：{{phrase2.DATA}}\n服务项目：{{thing1.DATA}}", added.Text("content"));
    }

    [Fact]
    public async Task An_unknown_template_answers_40037_and_a_non_follower_43004()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var follower = await host.FollowAsync(world.ConsumerId(0), account.AppId);
        var leaver = await host.FollowAsync(world.ConsumerId(1), account.AppId);
        await host.ActAsync("unfollow", new { consumer_id = world.ConsumerId(1), appid = account.AppId });

        var unknownTemplate = await host.SendAsync("template/send", account.AccessToken, new { touser = follower, template_id = "nope", data = new { } });
        var notFollowing = await host.SendAsync("template/send", account.AccessToken, new { touser = leaver, template_id = TemplateId(world, account.AppId), data = new { } });

        Assert.Equal(40037, unknownTemplate.Errcode());
        Assert.Equal(43004, notFollowing.Errcode());
    }

    [Fact]
    public async Task A_subscribe_notice_needs_one_consent_per_send()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var templateId = world.Account(account.AppId).GetProperty("subscribe_templates")[0].Text("template_id");
        var openId = await host.FollowAsync(world.ConsumerId(0), account.AppId);
        var notice = new { touser = openId, template_id = templateId, data = new { thing1 = new { value = "Booked" } } };

        var before = await host.SendAsync("subscribe/bizsend", account.AccessToken, notice);
        await host.ActAsync("subscribe-template", new { consumer_id = world.ConsumerId(0), appid = account.AppId, template_id = templateId });
        var allowed = await host.SendAsync("subscribe/bizsend", account.AccessToken, notice);
        var usedUp = await host.SendAsync("subscribe/bizsend", account.AccessToken, notice);

        Assert.Equal(43101, before.Errcode());
        Assert.Equal(0, allowed.Errcode());
        Assert.Equal(43101, usedUp.Errcode());
    }

    [Fact]
    public async Task A_customer_service_message_is_allowed_only_within_48_hours_of_the_consumers_last_message()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var openId = await host.FollowAsync(world.ConsumerId(0), account.AppId);
        host.Advance(TimeSpan.FromHours(49));
        var message = new { touser = openId, msgtype = "text", text = new { content = "Your car is ready" } };
        var fresh = await host.AuthorizeAccountAsync(account.AppId);

        var outside = await host.SendAsync("custom/send", fresh.AccessToken, message);
        await host.ActAsync("send-text", new { consumer_id = world.ConsumerId(0), appid = account.AppId, content = "hello" });
        var inside = await host.SendAsync("custom/send", fresh.AccessToken, message);
        host.Advance(TimeSpan.FromHours(48));
        var later = await host.AuthorizeAccountAsync(account.AppId);
        var expired = await host.SendAsync("custom/send", later.AccessToken, message);

        Assert.Equal(45015, outside.Errcode());
        Assert.Equal(0, inside.Errcode());
        Assert.Equal(45015, expired.Errcode());
    }

    [Fact]
    public async Task Template_messages_need_a_verified_service_account()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.AccountAppId("SubscriptionAccount", verified: true));
        var openId = await host.FollowAsync(world.ConsumerId(0), account.AppId);

        var response = await host.SendAsync("template/send", account.AccessToken, new { touser = openId, template_id = "any", data = new { } });

        Assert.Equal(48001, response.Errcode());
    }

    [Fact]
    public async Task User_info_reports_the_qr_scene_a_consumer_followed_through()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var qrCode = await host.Client.PostJsonAsync(
            $"wechat/cgi-bin/qrcode/create?access_token={account.AccessToken}",
            new { expire_seconds = 600, action_name = "QR_STR_SCENE", action_info = new { scene = new { scene_str = "testdrive-42" } } });

        var openId = await host.ActAsync("scan-qrcode", new { consumer_id = world.ConsumerId(2), ticket = qrCode.Text("ticket") });
        var info = await host.Client.GetJsonAsync($"wechat/cgi-bin/user/info?access_token={account.AccessToken}&openid={openId}&lang=zh_CN");

        Assert.Equal(1, info.GetProperty("subscribe").GetInt32());
        Assert.Equal("ADD_SCENE_QR_CODE", info.Text("subscribe_scene"));
        Assert.Equal("testdrive-42", info.Text("qr_scene_str"));
        Assert.NotEmpty(info.Text("unionid"));
    }

    [Fact]
    public async Task A_menu_needs_one_to_three_buttons()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var path = $"wechat/cgi-bin/menu/create?access_token={account.AccessToken}";

        var good = await host.Client.PostJsonAsync(path, new { button = new[] { new { type = "click", name = "Book", key = "BOOK" } } });
        var empty = await host.Client.PostJsonAsync(path, new { button = Array.Empty<object>() });

        Assert.Equal(0, good.Errcode());
        Assert.Equal(40016, empty.Errcode());
    }

    private static string TemplateId(WorldView world, string appId) =>
        world.Account(appId).GetProperty("templates")[0].Text("template_id");
}
