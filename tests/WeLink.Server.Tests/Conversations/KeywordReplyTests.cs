using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.World;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Conversations;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Data;
using WeLink.Server.Tests.Callbacks;
using WeLink.Server.Tests.Complaints;
using WeLink.Wechat.Messages;

namespace WeLink.Server.Tests.Conversations;

/// <summary>
/// HQ's keyword replies: a consumer's text to the Beijing account containing a keyword gets the reply from the account at
/// once (a text, or a card opening the brand's mini program in the dealer's context) as WeLink's own message in the
/// conversation, which still reaches staff unanswered.
/// </summary>
public abstract class KeywordReplyTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ComplaintWorld _world = null!;

    private IKeywordReplies Replies => _world.Host.Services.GetRequiredService<IKeywordReplies>();

    public async Task InitializeAsync()
    {
        _world = await ComplaintWorld.StartAsync(provider);

        // Open around the clock: no out-of-hours reply joins the chat.
        await _world.SetBeijingHoursAsync("00:00-24:00");
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_text_with_a_keyword_gets_its_text_reply_on_the_phone_and_in_the_conversation_and_still_reaches_staff_unanswered()
    {
        await SaveAsync(new KeywordReplyInput("会员", KeywordReplyKinds.Text, "会员积分可在小程序“我的”页查看，顾问稍后也会联系您。", null, null));
        var person = _world.People[0];
        await _world.FollowAsync(person);
        var advisor = await _world.StaffAsync(_world.Advisor);

        await _world.WriteAsync(person, "我想了解会员积分怎么用");

        var sent = Assert.Single(await _world.AwaitMessagesAsync(ConversationWorld.CustomSend, await _world.OpenIdAsync(person), 1, "the keyword reply"));
        Assert.Equal("text", sent.GetProperty("body").GetProperty("msgtype").GetString());
        Assert.Equal("会员积分可在小程序“我的”页查看，顾问稍后也会联系您。", sent.GetProperty("body").GetProperty("text").GetProperty("content").GetString());
        var row = await advisor.AwaitConversationAsync("会员积分可在小程序“我的”页查看，顾问稍后也会联系您。");
        Assert.True(row.GetProperty("unanswered").GetBoolean());
        Assert.Equal("open", row.GetProperty("status").GetString());
        var messages = (await advisor.ConversationAsync(row.GetProperty("id").GetString()!)).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal([("in", "text"), ("out", "text")], messages.Select(m => (m.GetProperty("direction").GetString(), m.GetProperty("kind").GetString())));
        Assert.Equal(JsonValueKind.Null, messages[1].GetProperty("staff").ValueKind);
        Assert.Equal("sent", messages[1].GetProperty("delivery").GetString());
        await _world.AwaitMessagesAsync(ComplaintTests.WecomSend, _world.Advisor.UserId, 1, "the advisor's notice of the new conversation");
    }

    [Fact]
    public async Task A_keyword_with_a_page_reply_sends_a_card_opening_the_brands_mini_program_in_the_dealers_context_which_the_phone_shows()
    {
        await SaveAsync(new KeywordReplyInput("投诉", KeywordReplyKinds.Page, null, "在线提交投诉", "pages/complaints/new"));
        var person = _world.People[1];
        await _world.FollowAsync(person);
        var advisor = await _world.StaffAsync(_world.Advisor);

        await _world.WriteAsync(person, "我要投诉你们的销售");

        var sent = Assert.Single(await _world.AwaitMessagesAsync(ConversationWorld.CustomSend, await _world.OpenIdAsync(person), 1, "the keyword card"));
        Assert.Equal("miniprogrampage", sent.GetProperty("body").GetProperty("msgtype").GetString());
        var card = sent.GetProperty("body").GetProperty("miniprogrampage");
        Assert.Equal("在线提交投诉", card.GetProperty("title").GetString());
        Assert.Equal(_world.MiniProgramAppId, card.GetProperty("appid").GetString());
        Assert.Equal($"pages/complaints/new?dealerId={_world.BeijingDealerId}", card.GetProperty("pagepath").GetString());
        Assert.False(string.IsNullOrEmpty(card.GetProperty("thumb_media_id").GetString()));

        var phone = await _world.Host.Http.GetStringAsync(new Uri("/sandbox/phones", UriKind.Relative));
        Assert.Contains($"data-page=\"pages/complaints/new?dealerId={_world.BeijingDealerId}\"", phone, StringComparison.Ordinal);
        Assert.Contains("""<div class="wcard-title">在线提交投诉</div>""", phone, StringComparison.Ordinal);

        var row = await advisor.AwaitConversationAsync("在线提交投诉");
        Assert.Equal("page", row.GetProperty("lastMessage").GetProperty("kind").GetString());
        Assert.True(row.GetProperty("unanswered").GetBoolean());

        // The card's picture is uploaded once per account, not with every card.
        await _world.WriteAsync(person, "投诉进度怎么查");
        await _world.AwaitMessagesAsync(ConversationWorld.CustomSend, await _world.OpenIdAsync(person), 2, "the second card");
        var thumbs = (await _world.MessagesAsync(ConversationWorld.CustomSend, await _world.OpenIdAsync(person)))
            .Select(m => m.GetProperty("body").GetProperty("miniprogrampage").GetProperty("thumb_media_id").GetString()).Distinct();
        Assert.Single(thumbs);
    }

    [Fact]
    public async Task A_text_without_a_keyword_gets_no_reply_and_reaches_staff_as_before()
    {
        await SaveAsync(new KeywordReplyInput("试驾", KeywordReplyKinds.Text, "试驾请在小程序预约。", null, null));
        var person = _world.People[0];
        await _world.FollowAsync(person);
        var advisor = await _world.StaffAsync(_world.Advisor);

        await _world.WriteAsync(person, "保养后发动机有异响");

        var row = await advisor.AwaitConversationAsync("保养后发动机有异响");
        await _world.AwaitMessagesAsync(ComplaintTests.WecomSend, _world.Advisor.UserId, 1, "the advisor's notice");
        Assert.Single((await advisor.ConversationAsync(row.GetProperty("id").GetString()!)).GetProperty("messages").EnumerateArray());
        Assert.Empty(await _world.MessagesAsync(ConversationWorld.CustomSend, await _world.OpenIdAsync(person)));
    }

    [Fact]
    public async Task A_replayed_message_gets_its_keyword_reply_once()
    {
        await SaveAsync(new KeywordReplyInput("试驾", KeywordReplyKinds.Text, "试驾请在小程序预约。", null, null));
        var person = _world.People[0];
        await _world.FollowAsync(person);
        var openId = await _world.OpenIdAsync(person);
        await _world.WriteAsync(person, "想周末试驾");
        await _world.AwaitMessagesAsync(ConversationWorld.CustomSend, openId, 1, "the keyword reply");

        // The same MsgId again: WeChat retrying the push (answered 200), and the inbox handing the message to the handler a
        // second time (as after a crash between the handler and its completion), which this test awaits.
        var key = await _world.QuerySingleAsync<string>("SELECT idempotency_key FROM conversation_messages WHERE direction = 'in'", new { });
        var msgId = long.Parse(key.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;
        var plaintext = TextFrom(openId, "想周末试驾", msgId, now);
        using var pushed = await SignedPush.ToAccount(_world.BeijingAppId, plaintext, now).PostAsync(_world.Host.Http);
        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        var handler = _world.Host.Services.GetRequiredService<ConsumerMessageHandler>();
        await handler.HandleAsync(new InboxEvent(Guid.NewGuid(), CallbackChannel.Account, _world.BeijingAppId, now, 2), CallbackMessageParser.Parse(plaintext), CancellationToken.None);

        Assert.Single(await _world.MessagesAsync(ConversationWorld.CustomSend, openId));
        Assert.Equal(2L, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM conversation_messages", new { }));
    }

    [Fact]
    public async Task A_keyword_reply_a_dying_delivery_left_unsent_is_sent_once_by_a_delivery_after_it_is_abandoned()
    {
        var (openId, _, deliver) = await KeywordReplyLeftPendingAsync();

        // Soon after, its sender may still be sending it: the next delivery fails, so the inbox brings the message back later.
        await Assert.ThrowsAsync<ReplyInFlightException>(() => deliver(2, CancellationToken.None));
        Assert.Empty(await _world.MessagesAsync(ConversationWorld.CustomSend, openId));

        // Once the reply has been pending longer than any send may take, two deliveries at once: one takes it over and
        // sends it, the other finds it in flight.
        await AbandonPendingReplyAsync();
        var deliveries = await Task.WhenAll(CaughtAsync(deliver(3, CancellationToken.None)), CaughtAsync(deliver(3, CancellationToken.None)));
        Assert.Contains(null, deliveries);
        Assert.All(deliveries.OfType<Exception>(), e => Assert.IsType<ReplyInFlightException>(e));

        var sent = Assert.Single(await _world.AwaitMessagesAsync(ConversationWorld.CustomSend, openId, 1, "the abandoned reply"));
        Assert.Equal("试驾请在小程序预约。", sent.GetProperty("body").GetProperty("text").GetProperty("content").GetString());
        Assert.Equal(MessageDelivery.Sent, await ReplyDeliveryAsync());

        // Sent is settled: later deliveries send nothing more.
        await deliver(4, CancellationToken.None);
        Assert.Single(await _world.MessagesAsync(ConversationWorld.CustomSend, openId));
        Assert.Equal(2L, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM conversation_messages", new { }));
    }

    [Fact]
    public async Task An_abandoned_keyword_reply_in_a_conversation_closed_meanwhile_is_marked_failed_for_staff_and_never_sent()
    {
        var (openId, conversationId, deliver) = await KeywordReplyLeftPendingAsync();
        var advisor = await _world.StaffAsync(_world.Advisor);
        using var closed = await advisor.PostAsync($"/api/staff/conversations/{conversationId}/close");
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());

        // Its sender may still be sending it: the delivery leaves it to be settled later, even in a closed conversation.
        await Assert.ThrowsAsync<ReplyInFlightException>(() => deliver(2, CancellationToken.None));
        Assert.Equal(MessageDelivery.Pending, await ReplyDeliveryAsync());

        await AbandonPendingReplyAsync();
        await deliver(3, CancellationToken.None);

        Assert.Equal(MessageDelivery.Failed, await ReplyDeliveryAsync());
        var messages = (await advisor.ConversationAsync(conversationId)).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal("failed", messages.Single(m => m.GetProperty("direction").GetString() == "out").GetProperty("delivery").GetString());
        await deliver(4, CancellationToken.None);
        Assert.Empty(await _world.MessagesAsync(ConversationWorld.CustomSend, openId));
    }

    [Fact]
    public async Task An_abandoned_keyword_reply_past_the_48_hour_window_is_marked_failed_and_never_sent()
    {
        var (openId, _, deliver) = await KeywordReplyLeftPendingAsync();

        // The consumer's message is older than the window by now (its stamp moved back, standing in for the time).
        await _world.Database.ExecuteAsync(
            "UPDATE conversations SET last_inbound_at = @at",
            new { at = _world.Clock.GetUtcNow() - ConversationWindow.Length - TimeSpan.FromMinutes(1) });
        await AbandonPendingReplyAsync();
        await deliver(2, CancellationToken.None);

        Assert.Equal(MessageDelivery.Failed, await ReplyDeliveryAsync());
        Assert.Empty(await _world.MessagesAsync(ConversationWorld.CustomSend, openId));
    }

    [Fact]
    public async Task HQ_is_told_in_Chinese_what_is_wrong_with_a_reply_and_nothing_is_saved()
    {
        await SaveAsync(new KeywordReplyInput("会员", KeywordReplyKinds.Text, "会员请看小程序。", null, null));

        Assert.Equal("请填写关键词。", await RefusedAsync(new KeywordReplyInput("  ", KeywordReplyKinds.Text, "你好", null, null), "keyword"));
        Assert.StartsWith("关键词“会员”已经设置过回复", await RefusedAsync(new KeywordReplyInput(" 会员 ", KeywordReplyKinds.Text, "你好", null, null), "keyword"), StringComparison.Ordinal);
        Assert.StartsWith("回复文字最多 600 个字", await RefusedAsync(new KeywordReplyInput("积分", KeywordReplyKinds.Text, new string('字', 601), null, null), "text"), StringComparison.Ordinal);
        Assert.Equal("请填写回复文字。", await RefusedAsync(new KeywordReplyInput("积分", KeywordReplyKinds.Text, "", null, null), "text"));
        Assert.StartsWith("“pages/testdrive/index”不是小程序的页面", await RefusedAsync(new KeywordReplyInput("试驾", KeywordReplyKinds.Page, null, "预约试驾", "pages/testdrive/index"), "pagePath"), StringComparison.Ordinal);
        Assert.Equal("请填写卡片标题。", await RefusedAsync(new KeywordReplyInput("试驾", KeywordReplyKinds.Page, null, "", "pages/home/index"), "pageTitle"));
        Assert.Equal("请选择回复方式：文字或小程序卡片。", await RefusedAsync(new KeywordReplyInput("试驾", "video", null, null, null), "kind"));
        var unknown = await Replies.SaveAsync(_world.BrandId, Guid.NewGuid(), new KeywordReplyInput("试驾", KeywordReplyKinds.Text, "你好", null, null), CancellationToken.None);
        Assert.IsType<KeywordReplySave.NotFound>(unknown);

        Assert.Equal(["会员"], (await Replies.ListAsync(_world.BrandId, CancellationToken.None)).Select(r => r.Keyword));
    }

    [Fact]
    public async Task A_changed_or_removed_reply_is_what_the_next_message_gets()
    {
        var saved = await SaveAsync(new KeywordReplyInput("会员", KeywordReplyKinds.Text, "旧的回复", null, null));
        var person = _world.People[0];
        await _world.FollowAsync(person);
        var openId = await _world.OpenIdAsync(person);

        var changed = await Replies.SaveAsync(_world.BrandId, saved.Id, new KeywordReplyInput("会员", KeywordReplyKinds.Text, "新的回复", null, null), CancellationToken.None);
        Assert.IsType<KeywordReplySave.Saved>(changed);
        await _world.WriteAsync(person, "会员");
        var first = Assert.Single(await _world.AwaitMessagesAsync(ConversationWorld.CustomSend, openId, 1, "the changed reply"));
        Assert.Equal("新的回复", first.GetProperty("body").GetProperty("text").GetProperty("content").GetString());

        Assert.True(await Replies.RemoveAsync(_world.BrandId, saved.Id, CancellationToken.None));
        Assert.False(await Replies.RemoveAsync(_world.BrandId, saved.Id, CancellationToken.None));
        await _world.WriteAsync(person, "会员还有吗");
        var advisor = await _world.StaffAsync(_world.Advisor);
        await advisor.AwaitConversationAsync("会员还有吗");
        Assert.Single(await _world.MessagesAsync(ConversationWorld.CustomSend, openId));
    }

    /// <summary>
    /// A follower's text with a keyword whose first delivery dies while WeChat holds its reply (a node stopped or
    /// killed): the reply is written, pending, not sent. Returns the follower, their conversation and a delivery of the
    /// same message again, as the inbox would make.
    /// </summary>
    private async Task<(string OpenId, string ConversationId, Func<int, CancellationToken, Task> DeliverAsync)> KeywordReplyLeftPendingAsync()
    {
        await SaveAsync(new KeywordReplyInput("试驾", KeywordReplyKinds.Text, "试驾请在小程序预约。", null, null));
        var person = _world.People[0];
        await _world.FollowAsync(person);
        var openId = await _world.OpenIdAsync(person);
        var now = DateTimeOffset.UtcNow;
        var message = CallbackMessageParser.Parse(TextFrom(openId, "想周末试驾", SignedPush.NextMsgId(), now));
        var handler = _world.Host.Services.GetRequiredService<ConsumerMessageHandler>();
        Task DeliverAsync(int attempt, CancellationToken cancellationToken) =>
            handler.HandleAsync(new InboxEvent(Guid.NewGuid(), CallbackChannel.Account, _world.BeijingAppId, now, attempt), message, cancellationToken);

        // It dies once its reply is written, however long getting there takes on a loaded machine.
        await _world.ControlAsync("faults/api", new { api = "cgi-bin/message/custom/send", count = 1, latency_ms = 20_000 });
        using (var dying = new CancellationTokenSource())
        {
            var first = DeliverAsync(1, dying.Token);
            await Poll.UntilAsync(
                () => _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM conversation_messages WHERE direction = 'out'", new { }),
                written => written == 1,
                Deadline.BackgroundWork,
                "the keyword reply to be written");
            await dying.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        }

        Assert.Equal(MessageDelivery.Pending, await ReplyDeliveryAsync());
        var conversationId = await _world.QuerySingleAsync<Guid>("SELECT id FROM conversations", new { });
        return (openId, conversationId.ToString(), DeliverAsync);
    }

    /// <summary>The reply has been pending longer than any send may take: its stamp moved back, standing in for the time.</summary>
    private Task AbandonPendingReplyAsync() =>
        _world.Database.ExecuteAsync(
            "UPDATE conversation_messages SET at = @at WHERE direction = 'out'",
            new { at = _world.Clock.GetUtcNow() - ConversationReplies.AbandonedAfter - TimeSpan.FromSeconds(1) });

    private Task<string> ReplyDeliveryAsync() =>
        _world.QuerySingleAsync<string>("SELECT delivery FROM conversation_messages WHERE direction = 'out'", new { });

    /// <summary>The plaintext of a follower's text push to the Beijing account, as WeChat sends it.</summary>
    private string TextFrom(string openId, string content, long msgId, DateTimeOffset at)
    {
        var account = _world.Host.Services.GetRequiredService<SandboxWorld>().Snapshot().Accounts.Single(a => a.AppId == _world.BeijingAppId);
        return $"<xml><ToUserName><![CDATA[{account.OriginalId}]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>"
            + $"<CreateTime>{at.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId></xml>";
    }

    private static async Task<Exception?> CaughtAsync(Task delivery)
    {
        try
        {
            await delivery;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private async Task<KeywordReply> SaveAsync(KeywordReplyInput input) =>
        Assert.IsType<KeywordReplySave.Saved>(await Replies.SaveAsync(_world.BrandId, null, input, CancellationToken.None)).Reply;

    private async Task<string> RefusedAsync(KeywordReplyInput input, string field)
    {
        var invalid = Assert.IsType<KeywordReplySave.Invalid>(await Replies.SaveAsync(_world.BrandId, null, input, CancellationToken.None));
        return invalid.Errors[field];
    }
}

public sealed class KeywordReplyTests_on_Sqlite() : KeywordReplyTests(DatabaseProvider.Sqlite);

public sealed class KeywordReplyTests_on_Postgres() : KeywordReplyTests(DatabaseProvider.Postgres);
