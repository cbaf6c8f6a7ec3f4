using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.World;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Conversations;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tests.Callbacks;
using WeLink.Server.Tests.Complaints;
using WeLink.Wechat.Messages;

namespace WeLink.Server.Tests.Conversations;

/// <summary>
/// Consumers write to the Beijing dealer's account from their sandbox phone; WeLink files the message into a conversation
/// that the dealer's staff read and answer through the staff API, the answer reaching the consumer's phone from the
/// dealer's account as a customer-service message, within WeChat's 48 hours.
/// </summary>
public abstract class ConversationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ComplaintWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await ComplaintWorld.StartAsync(provider);

        // Open around the clock, so no out-of-hours reply joins the chat whenever the tests run; that reply has its own test.
        await _world.SetBeijingHoursAsync("00:00-24:00");
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_consumers_message_reaches_every_staff_member_of_that_dealer_as_an_unanswered_conversation_and_no_other_dealer()
    {
        var person = _world.People[0];
        await _world.FollowAsync(person);
        var advisor = await _world.StaffAsync(_world.Advisor);

        await _world.WriteAsync(person, "保养后发动机有异响");

        var row = await advisor.AwaitConversationAsync("保养后发动机有异响");
        Assert.True(row.GetProperty("unanswered").GetBoolean());
        Assert.Equal(JsonValueKind.String, row.GetProperty("waitingSince").ValueKind);
        Assert.Equal("open", row.GetProperty("status").GetString());
        Assert.Equal("in", row.GetProperty("lastMessage").GetProperty("direction").GetString());
        Assert.Equal("text", row.GetProperty("lastMessage").GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("caseId").ValueKind);
        var id = row.GetProperty("id").GetString()!;
        var manager = await _world.StaffAsync(_world.Manager);
        Assert.Contains((await manager.ListAsync()).EnumerateArray(), c => c.GetProperty("id").GetString() == id);

        var conversation = await advisor.ConversationAsync(id);
        Assert.True(conversation.GetProperty("windowOpen").GetBoolean());
        var message = Assert.Single(conversation.GetProperty("messages").EnumerateArray());
        Assert.Equal("保养后发动机有异响", message.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, message.GetProperty("delivery").ValueKind);

        var shanghai = await _world.StaffAsync(_world.ShanghaiAdvisor);
        Assert.Empty((await shanghai.ListAsync("all")).EnumerateArray());
        using var foreignRead = await shanghai.GetAsync(new Uri($"/api/staff/conversations/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, foreignRead.StatusCode);
        using var foreignReply = await shanghai.ReplyAsync(id, "您好");
        Assert.Equal(HttpStatusCode.NotFound, foreignReply.StatusCode);
        using var foreignClose = await shanghai.PostAsync($"/api/staff/conversations/{id}/close");
        Assert.Equal(HttpStatusCode.NotFound, foreignClose.StatusCode);
        using var unknown = await advisor.ReplyAsync(Guid.NewGuid().ToString(), "您好");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(await _world.MessagesAsync(ConversationWorld.CustomSend, await _world.OpenIdAsync(person)));
        Assert.Equal("open", (await advisor.ConversationAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_consumers_picture_and_voice_are_kept_as_WeChat_gave_them_and_served_only_to_the_dealers_staff()
    {
        var person = _world.People[1];
        await _world.FollowAsync(person);
        var advisor = await _world.StaffAsync(_world.Advisor);

        await _world.SendMediaAsync(person, "send-image");
        await Poll.UntilAsync(() => advisor.ListAsync(), l => l.GetArrayLength() == 1, Deadline.Delivery, "the picture's conversation");
        await _world.SendMediaAsync(person, "send-voice");

        var row = (await Poll.UntilAsync(
            () => advisor.ListAsync(), l => l.EnumerateArray().Any(c => c.GetProperty("lastMessage").GetProperty("kind").GetString() == "voice"),
            Deadline.Delivery, "the voice message in the list")).EnumerateArray().Single();
        var id = row.GetProperty("id").GetString()!;
        var messages = (await advisor.ConversationAsync(id)).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["image", "voice"], messages.Select(m => m.GetProperty("kind").GetString()));
        var pictureUrl = messages[0].GetProperty("mediaUrl").GetString()!;
        Assert.Equal($"/api/staff/conversations/{id}/media/{messages[0].GetProperty("id").GetString()}", pictureUrl);

        using var picture = await advisor.GetAsync(new Uri(pictureUrl, UriKind.Relative));
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await picture.Content.ReadAsByteArrayAsync())[..4]);
        using var voice = await advisor.GetAsync(new Uri(messages[1].GetProperty("mediaUrl").GetString()!, UriKind.Relative));
        Assert.Equal("audio/amr", voice.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2L, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM conversation_media", new { }));

        // Kept once: WeChat forgets temporary media after 3 days, WeLink does not.
        await _world.AdvanceClocksAsync(TimeSpan.FromDays(4));
        advisor = await _world.StaffAsync(_world.Advisor);
        using var later = await advisor.GetAsync(new Uri(pictureUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        var shanghai = await _world.StaffAsync(_world.ShanghaiAdvisor);
        using var foreign = await shanghai.GetAsync(new Uri(pictureUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using var madeUp = await advisor.GetAsync(new Uri($"/api/staff/conversations/{id}/media/{Guid.NewGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
    }

    [Fact]
    public async Task A_new_conversation_is_told_once_to_the_duty_role_with_a_card_opening_it_in_the_staff_app()
    {
        var person = _world.People[0];
        await _world.FollowAsync(person);
        var advisor = await _world.StaffAsync(_world.Advisor);

        await _world.WriteAsync(person, "想预约下周保养");
        await _world.WriteAsync(person, "周二上午可以吗");

        var id = (await advisor.AwaitConversationAsync("周二上午可以吗")).GetProperty("id").GetString()!;
        var card = Assert.Single(await _world.AwaitMessagesAsync(ComplaintTests.WecomSend, _world.Advisor.UserId, 1, "the advisor's card"));
        var textcard = card.GetProperty("body").GetProperty("textcard");
        Assert.Equal("新的客户咨询", textcard.GetProperty("title").GetString());
        Assert.Contains("想预约下周保养", textcard.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.EndsWith($"/wecom-app/#/conversations/{id}", textcard.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Empty(await _world.MessagesAsync(ComplaintTests.WecomSend, _world.Manager.UserId));

        // The dealer puts its service managers on duty: the next new conversation is theirs to hear of.
        await _world.Host.Services.GetRequiredService<IConversationSettings>().SetDutyRoleAsync(_world.BeijingDealerId, StaffRoles.ServiceManager, CancellationToken.None);
        await _world.FollowAsync(_world.People[1]);
        await _world.WriteAsync(_world.People[1], "你好");
        await _world.AwaitMessagesAsync(ComplaintTests.WecomSend, _world.Manager.UserId, 1, "the manager's card");
        Assert.Single(await _world.MessagesAsync(ComplaintTests.WecomSend, _world.Advisor.UserId));
    }

    [Fact]
    public async Task Outside_business_hours_the_consumer_gets_the_brands_reply_at_once_once_a_day_and_staff_are_told_it_is_out_of_hours()
    {
        await _world.SetBeijingHoursAsync(_world.HoursClosedNow());
        var person = _world.People[0];
        await _world.FollowAsync(person);
        var openId = await _world.OpenIdAsync(person);
        var advisor = await _world.StaffAsync(_world.Advisor);

        await _world.WriteAsync(person, "晚上打扰了，车灯不亮");
        var reply = Assert.Single(await _world.AwaitMessagesAsync(ConversationWorld.CustomSend, openId, 1, "the out-of-hours reply"));
        await _world.WriteAsync(person, "明天能修吗");

        Assert.Equal(ConversationDefaults.OutOfHoursReply, reply.GetProperty("body").GetProperty("text").GetProperty("content").GetString());
        var card = Assert.Single(await _world.AwaitMessagesAsync(ComplaintTests.WecomSend, _world.Advisor.UserId, 1, "the advisor's card"));
        Assert.Equal("新的客户咨询（非营业时间）", card.GetProperty("body").GetProperty("textcard").GetProperty("title").GetString());
        var row = await advisor.AwaitConversationAsync("明天能修吗");
        Assert.True(row.GetProperty("unanswered").GetBoolean());
        var auto = (await advisor.ConversationAsync(row.GetProperty("id").GetString()!)).GetProperty("messages").EnumerateArray()
            .Single(m => m.GetProperty("direction").GetString() == "out");
        Assert.Equal(JsonValueKind.Null, auto.GetProperty("staff").ValueKind);

        // The brand words its own reply; the next day's first message out of hours gets it.
        await _world.Host.Services.GetRequiredService<IConversationSettings>().SetOutOfHoursReplyAsync(_world.BrandId, "极光汽车：门店已打烊，明早 9 点回复您。", CancellationToken.None);
        await _world.AdvanceClocksAsync(TimeSpan.FromDays(1));
        await _world.WriteAsync(person, "还在吗");
        var replies = await _world.AwaitMessagesAsync(ConversationWorld.CustomSend, openId, 2, "the next day's reply");
        Assert.Equal("极光汽车：门店已打烊，明早 9 点回复您。", replies[1].GetProperty("body").GetProperty("text").GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_reply_reaches_the_consumers_phone_from_the_dealer_account_once_however_often_it_is_tapped()
    {
        var person = _world.People[0];
        await _world.FollowAsync(person);
        var advisor = await _world.StaffAsync(_world.Advisor);
        await _world.WriteAsync(person, "请问周六营业吗");
        var id = (await advisor.AwaitConversationAsync("请问周六营业吗")).GetProperty("id").GetString()!;

        var taps = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => advisor.ReplyAsync(id, "周六正常营业，欢迎光临", key: "reply-once")));

        var answers = await Task.WhenAll(taps.Select(t => t.JsonAsync()));
        Assert.All(taps, t => Assert.Equal(HttpStatusCode.Created, t.StatusCode));
        Assert.Single(answers.Select(a => a.GetProperty("messageId").GetString()).Distinct());
        var sent = Assert.Single(await _world.MessagesAsync(ConversationWorld.CustomSend, await _world.OpenIdAsync(person)));
        Assert.Equal(_world.BeijingAppId, sent.GetProperty("sender").GetString());
        Assert.Equal("周六正常营业，欢迎光临", sent.GetProperty("body").GetProperty("text").GetProperty("content").GetString());

        using var again = await advisor.ReplyAsync(id, "周六正常营业，欢迎光临", key: "reply-once");
        Assert.Equal(answers[0].GetProperty("messageId").GetString(), (await again.JsonAsync()).GetProperty("messageId").GetString());
        Assert.Single(await _world.MessagesAsync(ConversationWorld.CustomSend, await _world.OpenIdAsync(person)));
        var conversation = await advisor.ConversationAsync(id);
        var reply = conversation.GetProperty("messages").EnumerateArray().Last();
        Assert.Equal(2, conversation.GetProperty("messages").GetArrayLength());
        Assert.Equal("out", reply.GetProperty("direction").GetString());
        Assert.Equal("sent", reply.GetProperty("delivery").GetString());
        Assert.Equal(_world.Advisor.Name, reply.GetProperty("staff").GetProperty("name").GetString());
        var row = (await advisor.ListAsync()).EnumerateArray().Single();
        Assert.False(row.GetProperty("unanswered").GetBoolean());
        Assert.Equal("out", row.GetProperty("lastMessage").GetProperty("direction").GetString());
        foreach (var tap in taps)
        {
            tap.Dispose();
        }
    }

    [Fact]
    public async Task Outside_the_48_hour_window_a_reply_is_refused_with_the_reason_and_nothing_is_sent_or_stored()
    {
        var person = _world.People[0];
        await _world.FollowAsync(person);
        var advisor = await _world.StaffAsync(_world.Advisor);
        await _world.WriteAsync(person, "我的车什么时候能修好");
        var id = (await advisor.AwaitConversationAsync("我的车什么时候能修好")).GetProperty("id").GetString()!;

        await _world.AdvanceClocksAsync(TimeSpan.FromHours(48) + TimeSpan.FromMinutes(1));
        advisor = await _world.StaffAsync(_world.Advisor);
        using var refused = await advisor.ReplyAsync(id, "明天可以取车");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("WindowClosed", problem.GetProperty("reason").GetString());
        Assert.Equal("客户已超过 48 小时未发消息，微信不允许再主动回复；可以发送模板消息邀请客户回来", problem.GetProperty("detail").GetString());
        Assert.True(problem.TryGetProperty("windowClosedAt", out _));
        Assert.Empty(await _world.MessagesAsync(ConversationWorld.CustomSend, await _world.OpenIdAsync(person)));
        var conversation = await advisor.ConversationAsync(id);
        Assert.False(conversation.GetProperty("windowOpen").GetBoolean());
        Assert.Single(conversation.GetProperty("messages").EnumerateArray());

        // The consumer writing again opens the window again, in the same conversation.
        await _world.WriteAsync(person, "在吗");
        await advisor.AwaitConversationAsync("在吗");
        using var answered = await advisor.ReplyAsync(id, "在的，明天可以取车");
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        Assert.Single(await _world.MessagesAsync(ConversationWorld.CustomSend, await _world.OpenIdAsync(person)));
    }

    [Fact]
    public async Task After_the_window_a_template_message_invites_the_consumer_back_once_a_day_and_their_answer_reopens_the_window()
    {
        var person = _world.People[0];
        await _world.FollowAsync(person);
        var advisor = await _world.StaffAsync(_world.Advisor);
        await _world.WriteAsync(person, "车什么时候能修好？");
        var id = (await advisor.AwaitConversationAsync("车什么时候能修好？")).GetProperty("id").GetString()!;
        await _world.AdvanceClocksAsync(TimeSpan.FromHours(49));
        advisor = await _world.StaffAsync(_world.Advisor);
        var openId = await _world.OpenIdAsync(person);

        var taps = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => advisor.PostAsync($"/api/staff/conversations/{id}/invitations", key: "invite-once")));
        var manager = await _world.StaffAsync(_world.Manager);
        using var secondToday = await manager.PostAsync($"/api/staff/conversations/{id}/invitations");

        Assert.All(taps, t => Assert.Equal(HttpStatusCode.Created, t.StatusCode));
        Assert.Single((await Task.WhenAll(taps.Select(t => t.JsonAsync()))).Select(a => a.GetProperty("messageId").GetString()).Distinct());
        Assert.Equal(HttpStatusCode.TooManyRequests, secondToday.StatusCode);
        var problem = await secondToday.JsonAsync();
        Assert.Equal("InvitedToday", problem.GetProperty("reason").GetString());
        Assert.Equal("今天已经邀请过这位客户，24 小时内只能发送一次邀请。", problem.GetProperty("detail").GetString());
        var invitation = Assert.Single(await _world.MessagesAsync("template/send", openId));
        Assert.Equal(_world.BeijingAppId, invitation.GetProperty("sender").GetString());
        var shown = (await advisor.ConversationAsync(id)).GetProperty("messages").EnumerateArray().Last();
        Assert.Equal("template", shown.GetProperty("kind").GetString());
        Assert.Equal("sent", shown.GetProperty("delivery").GetString());

        await _world.WriteAsync(person, "明天下午可以来取吗");
        await advisor.AwaitConversationAsync("明天下午可以来取吗");
        using var reply = await advisor.ReplyAsync(id, "可以的，明天下午见");
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Single(await _world.MessagesAsync(ConversationWorld.CustomSend, openId));
        await _world.AdvanceClocksAsync(TimeSpan.FromHours(24));
        manager = await _world.StaffAsync(_world.Manager);
        using var nextDay = await manager.PostAsync($"/api/staff/conversations/{id}/invitations");
        Assert.Equal(HttpStatusCode.Created, nextDay.StatusCode);
        foreach (var tap in taps)
        {
            tap.Dispose();
        }
    }

    [Fact]
    public async Task An_empty_or_overlong_reply_or_one_without_an_idempotency_key_is_refused_and_nothing_is_sent()
    {
        var person = _world.People[0];
        await _world.FollowAsync(person);
        var advisor = await _world.StaffAsync(_world.Advisor);
        await _world.WriteAsync(person, "你好");
        var id = (await advisor.AwaitConversationAsync("你好")).GetProperty("id").GetString()!;

        foreach (var text in new[] { "", "   ", new string('长', WeLink.Server.Conversations.Api.StaffConversationEndpoints.MaxReply + 1) })
        {
            using var refused = await advisor.ReplyAsync(id, text);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = await refused.JsonAsync();
            Assert.Equal("回复内容需为 1 到 600 个字。", Assert.Single(problem.GetProperty("errors").GetProperty("text").EnumerateArray()).GetString());
        }

        using var keyless = await advisor.PostAsync(
            new Uri($"/api/staff/conversations/{id}/replies", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { text = "您好" }));
        Assert.Equal(HttpStatusCode.BadRequest, keyless.StatusCode);
        Assert.Empty(await _world.MessagesAsync(ConversationWorld.CustomSend, await _world.OpenIdAsync(person)));
        Assert.Single((await advisor.ConversationAsync(id)).GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public async Task A_replayed_push_adds_nothing_and_a_writer_WeLink_never_saw_becomes_a_consumer_with_a_conversation()
    {
        var account = _world.Host.Services.GetRequiredService<SandboxWorld>().Snapshot().Accounts.Single(a => a.AppId == _world.BeijingAppId);
        var now = DateTimeOffset.UtcNow;
        var msgId = SignedPush.NextMsgId();
        var plaintext = SignedPush.TextMessage("陌生人的第一条消息", msgId, now, account.OriginalId);

        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var pushed = await SignedPush.ToAccount(_world.BeijingAppId, plaintext, now).PostAsync(_world.Host.Http);
            Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        }

        var advisor = await _world.StaffAsync(_world.Advisor);
        var row = await advisor.AwaitConversationAsync("陌生人的第一条消息");
        Assert.Equal("微信用户", row.GetProperty("customer").GetProperty("name").GetString());

        // A delivery the inbox repeats (after a crash between the handler and its completion) reaches the handler again.
        var handler = _world.Host.Services.GetRequiredService<ConsumerMessageHandler>();
        var message = (TextMessage)CallbackMessageParser.Parse(plaintext);
        await handler.HandleAsync(new InboxEvent(Guid.NewGuid(), CallbackChannel.Account, _world.BeijingAppId, now, 2), message, CancellationToken.None);

        var id = row.GetProperty("id").GetString()!;
        Assert.Single((await advisor.ConversationAsync(id)).GetProperty("messages").EnumerateArray());
        Assert.Single((await advisor.ListAsync("all")).EnumerateArray());
        Assert.Equal(1L, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM consumers WHERE open_id = @openId", new { openId = message.FromUserName }));
    }

    [Fact]
    public async Task A_closed_conversation_takes_no_reply_and_the_consumers_next_message_opens_a_new_one()
    {
        var person = _world.People[0];
        await _world.FollowAsync(person);
        var advisor = await _world.StaffAsync(_world.Advisor);
        await _world.WriteAsync(person, "谢谢，问题解决了");
        var id = (await advisor.AwaitConversationAsync("谢谢，问题解决了")).GetProperty("id").GetString()!;

        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var closed = await advisor.PostAsync($"/api/staff/conversations/{id}/close");
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        using var refused = await advisor.ReplyAsync(id, "不客气");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Closed", (await refused.JsonAsync()).GetProperty("reason").GetString());
        Assert.Empty((await advisor.ListAsync()).EnumerateArray());
        Assert.Empty(await _world.MessagesAsync(ConversationWorld.CustomSend, await _world.OpenIdAsync(person)));

        await _world.WriteAsync(person, "还有一个问题");
        var reopened = await advisor.AwaitConversationAsync("还有一个问题");
        Assert.NotEqual(id, reopened.GetProperty("id").GetString());
        Assert.Equal(2, (await advisor.ListAsync("all")).GetArrayLength());
    }
}

public sealed class ConversationTests_on_Sqlite() : ConversationTests(DatabaseProvider.Sqlite);

public sealed class ConversationTests_on_Postgres() : ConversationTests(DatabaseProvider.Postgres);
