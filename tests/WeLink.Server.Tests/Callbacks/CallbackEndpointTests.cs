using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Server.Platform;
using WeLink.Wechat.Tokens;

namespace WeLink.Server.Tests.Callbacks;

/// <summary>The callback URLs over real HTTP, with the in-process sandbox playing WeChat and WeCom.</summary>
public abstract class CallbackEndpointTests(DatabaseProvider provider)
{
    public static TheoryData<string> Refusals =>
    [
        "a wrong msg_signature",
        "only the plain signature",
        "a timestamp ten minutes old",
        "a timestamp ten minutes ahead",
        "malformed XML",
        "an XML bomb",
        "an external entity inside the encrypted payload",
        "a message sealed for another receiver",
        "an Encrypt value that is not base64",
        "a push addressed to another account than the one in the URL",
        "a push to the URL of an account no dealer has linked",
        "a push addressed to another corp than the one in the URL",
        "a component push naming another component",
    ];

    [Fact]
    public async Task Ticket_pushes_from_the_sandbox_are_stored_before_the_push_counts_as_delivered()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var host = await CallbackHosts.StartAsync(database);

        var component = await host.ControlAsync("pushes/component-verify-ticket");
        var suite = await host.ControlAsync("pushes/suite-ticket");
        Assert.Equal("Delivered", (await host.DeliveredPushAsync(component.GetProperty("push_id").GetInt64())).GetProperty("status").GetString());
        Assert.Equal("Delivered", (await host.DeliveredPushAsync(suite.GetProperty("push_id").GetInt64())).GetProperty("status").GetString());

        // No polling: a delivered ticket push is a stored ticket.
        Assert.Equal(
            component.GetProperty("ticket").GetString(),
            await host.Services.GetRequiredService<IComponentTicketStore>().GetAsync(SandboxSettings.ComponentAppId, CancellationToken.None));
        Assert.Equal(
            suite.GetProperty("ticket").GetString(),
            await host.Services.GetRequiredService<ISuiteTicketStore>().GetAsync(SandboxSettings.SuiteId, CancellationToken.None));
        Assert.Equal(2, await database.InboxCountAsync("done"));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE kind = 'ComponentVerifyTicket' AND channel = 'component'"));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE kind = 'SuiteTicket' AND channel = 'suite'"));
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_callback_with_this_flaw_gets_a_4xx_problem_and_stores_nothing(string flaw)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var host = await CallbackHosts.StartAsync(database);

        using var response = await Flawed(flaw, DateTimeOffset.UtcNow).PostAsync(host.Http);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await database.InboxCountAsync());
    }

    [Fact]
    public async Task A_genuine_push_for_one_account_re_posted_to_another_accounts_url_is_refused_and_stores_nothing()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var host = await CallbackHosts.StartAsync(database);
        await database.LinkAccountAsync("wxdealer0002", "gh_testaccount02");
        var now = DateTimeOffset.UtcNow;
        var genuine = SignedPush.ToAccount(SignedPush.AppId, SignedPush.TextMessage("meant for account one", SignedPush.NextMsgId(), now), now);

        using var reposted = await (genuine with { Path = "/wechat/component/accounts/wxdealer0002/messages" }).PostAsync(host.Http);

        Assert.Equal(HttpStatusCode.Forbidden, reposted.StatusCode);
        Assert.Equal("application/problem+json", reposted.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await database.InboxCountAsync());

        // The very same request at its own account's URL is stored: the refusal was about the URL alone.
        using var delivered = await genuine.PostAsync(host.Http);
        Assert.Equal("success", await delivered.Content.ReadAsStringAsync());
        Assert.Equal(1, await database.InboxCountAsync());
    }

    [Fact]
    public async Task A_nonce_reused_by_another_request_is_refused_while_an_identical_retry_is_answered_success()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var host = await CallbackHosts.StartAsync(database);
        var now = DateTimeOffset.UtcNow;
        var first = SignedPush.ToAccount("wxdealer0001", SignedPush.TextMessage("hello", SignedPush.NextMsgId(), now), now);
        var other = SignedPush.ToAccount("wxdealer0001", SignedPush.TextMessage("other", SignedPush.NextMsgId(), now), now, first.Nonce);

        using var stored = await first.PostAsync(host.Http);
        using var replayed = await other.PostAsync(host.Http);
        using var retried = await first.PostAsync(host.Http);

        Assert.Equal("success", await stored.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("success", await retried.Content.ReadAsStringAsync());
        Assert.Equal(1, await database.InboxCountAsync());
    }

    [Fact]
    public async Task Pushes_sharing_nonces_sent_at_once_store_one_message_per_nonce_and_refuse_the_others()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var host = await CallbackHosts.StartAsync(database);
        var now = DateTimeOffset.UtcNow;
        var nonces = Enumerable.Range(0, 20).Select(_ => SignedPush.NextNonce()).ToList();

        // Per nonce: two different messages, each sent twice, all at once, so they meet in the writer's groups.
        var pushes = nonces.SelectMany(nonce => Enumerable.Range(0, 2).Select(
            text => SignedPush.ToAccount("wxdealer0001", SignedPush.TextMessage($"{text}-{nonce}", SignedPush.NextMsgId(), now), now, nonce)));
        var sent = pushes.SelectMany(p => new[] { p, p }).ToList();
        var responses = await Task.WhenAll(sent.Select(p => p.PostAsync(host.Http)));

        Assert.Equal(nonces.Count, await database.InboxCountAsync());
        foreach (var nonce in nonces)
        {
            var statuses = sent.Zip(responses).Where(x => x.First.Nonce == nonce).Select(x => x.Second.StatusCode).ToList();
            Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.OK));
            Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.Forbidden));
        }

        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_push_the_sandbox_retries_after_a_lost_answer_is_stored_once_and_handled_once()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var lostAnswer = new AbortFirstAnswer("/wecom/suite/instructions");
        CountingSuiteTickets? tickets = null;
        await using var host = await CallbackHosts.StartAsync(database, configure: builder =>
        {
            builder.Services.AddSingleton<IStartupFilter>(lostAnswer);
            builder.Services.AddSingleton<ISuiteTicketStore>(sp => tickets = new CountingSuiteTickets(sp.GetRequiredService<PlatformSecretStore>()));
        });

        var pushed = await host.ControlAsync("pushes/suite-ticket");
        var push = await host.DeliveredPushAsync(pushed.GetProperty("push_id").GetInt64());

        Assert.True(lostAnswer.Aborted);
        Assert.Equal("Delivered", push.GetProperty("status").GetString());
        Assert.Equal(2, push.GetProperty("attempts").GetArrayLength());
        Assert.Equal(1, await database.InboxCountAsync());
        Assert.Equal(1, tickets!.Saves);
        Assert.Equal(pushed.GetProperty("ticket").GetString(), await tickets.GetAsync(SandboxSettings.SuiteId, CancellationToken.None));
    }

    [Fact]
    public async Task A_retried_message_is_delivered_to_its_handler_once()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var handler = new RecordingHandler();
        await using var host = await CallbackHosts.StartAsync(database, handler);
        var now = DateTimeOffset.UtcNow;
        var push = SignedPush.ToCorp("wwcorp0001", SignedPush.TextMessage("test:once", SignedPush.NextMsgId(), now, "wwcorp0001"), now);

        using var first = await push.PostAsync(host.Http);
        using var retry = await push.PostAsync(host.Http);
        await Poll.UntilAsync(() => database.InboxCountAsync("done"), n => n == 1, Deadline.BackgroundWork, "the message to be handled");

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var delivery = Assert.Single(handler.Deliveries);
        Assert.Equal("test:once", delivery.Content);
        Assert.Equal("wwcorp0001", delivery.Event.TargetId);
        Assert.Equal(Server.Callbacks.Contracts.CallbackChannel.Corp, delivery.Event.Channel);
    }

    [Fact]
    public async Task A_burst_of_pushes_with_retries_among_them_stores_each_message_once_and_answers_every_request()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var handler = new RecordingHandler();
        await using var host = await CallbackHosts.StartAsync(database, handler);
        var now = DateTimeOffset.UtcNow;
        var pushes = Enumerable.Range(0, 40)
            .Select(i => SignedPush.ToCorp("wwcorp0001", SignedPush.TextMessage($"test:burst-{i}", SignedPush.NextMsgId(), now, "wwcorp0001"), now))
            .ToList();

        // Every message is sent three times at once, so retries land in the same inbox insert as their first copy.
        var responses = await Task.WhenAll(pushes.SelectMany(p => new[] { p, p, p }).Select(p => p.PostAsync(host.Http)));
        await Poll.UntilAsync(() => database.InboxCountAsync("done"), n => n == pushes.Count, Deadline.BackgroundWork, "every message to be handled");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(pushes.Count, await database.InboxCountAsync());
        Assert.Equal(
            Enumerable.Range(0, 40).Select(i => $"test:burst-{i}").Order(),
            handler.Deliveries.Select(d => d.Content).Order());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task An_event_stored_but_not_dispatched_before_a_stop_is_dispatched_after_a_restart_on_the_same_database()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await StorePendingWithoutDispatchAsync(database, "test:restart");
        var handler = new RecordingHandler();
        await using var restarted = await CallbackHosts.StartAsync(database, handler);

        await Poll.UntilAsync(() => database.InboxCountAsync("done"), n => n == 1, Deadline.BackgroundWork, "the stored event to be dispatched");
        Assert.Equal("test:restart", Assert.Single(handler.Deliveries).Content);
    }

    [Fact]
    public async Task Events_no_handler_accepts_are_stored_as_ignored_on_arrival()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var host = await CallbackHosts.StartAsync(database, new RecordingHandler());
        var now = DateTimeOffset.UtcNow;
        var location = "<xml><ToUserName><![CDATA[gh_testaccount01]]></ToUserName><FromUserName><![CDATA[o_follower_1]]></FromUserName>"
            + $"<CreateTime>{now.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[LOCATION]]></Event>"
            + "<Latitude>23.1</Latitude><Longitude>113.3</Longitude></xml>";

        using var response = await SignedPush.ToAccount("wxdealer0001", location, now).PostAsync(host.Http);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await database.InboxCountAsync("ignored"));
        Assert.Equal(location, await database.ScalarAsync<string>("SELECT payload FROM inbox"));
        Assert.Equal("Unknown:LOCATION", await database.ScalarAsync<string>("SELECT kind FROM inbox"));
        Assert.Equal(0, await database.ScalarAsync<int>("SELECT attempts FROM inbox"));
        Assert.Equal(1, await database.ScalarAsync<int>("SELECT COUNT(*) FROM inbox WHERE processed_at = received_at"));
    }

    [Fact]
    public async Task A_stored_event_whose_handler_is_gone_after_a_restart_is_ignored_by_the_dispatcher()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await StorePendingWithoutDispatchAsync(database, "test:orphan");
        await using var restarted = await CallbackHosts.StartAsync(database);

        await Poll.UntilAsync(() => database.InboxCountAsync("ignored"), n => n == 1, Deadline.BackgroundWork, "the orphaned event to be ignored");
        Assert.Equal(1, await database.ScalarAsync<int>("SELECT attempts FROM inbox"));
    }

    [Fact]
    public async Task The_WeCom_console_check_of_both_suite_urls_passes()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var host = await CallbackHosts.StartAsync(database);

        var checks = await host.ControlAsync("pushes/verify-suite-urls");

        Assert.Equal(2, checks.GetArrayLength());
        Assert.All(checks.EnumerateArray(), check => Assert.True(check.GetProperty("passed").GetBoolean(), check.ToString()));
        Assert.Equal(0, await database.InboxCountAsync());
    }

    [Fact]
    public async Task The_admin_inbox_api_needs_a_platform_admin_session()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var host = await CallbackHosts.StartAsync(database);

        using var list = await host.Http.GetAsync(new Uri("/api/admin/inbox?status=parked", UriKind.Relative));
        using var retry = await host.Http.PostAsync(new Uri($"/api/admin/inbox/{Guid.CreateVersion7()}/retry", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, retry.StatusCode);
    }

    private static SignedPush Flawed(string flaw, DateTimeOffset now)
    {
        var text = SignedPush.TextMessage("hello", SignedPush.NextMsgId(), now);
        var push = SignedPush.ToAccount("wxdealer0001", text, now);
        return flaw switch
        {
            "a wrong msg_signature" => push with { MsgSignature = SignedPush.ComponentCrypt.Sign(push.Timestamp, push.Nonce, "something else") },
            "only the plain signature" => push with { MsgSignature = "" },
            "a timestamp ten minutes old" => SignedPush.ToAccount("wxdealer0001", text, now.AddMinutes(-10)),
            "a timestamp ten minutes ahead" => SignedPush.ToAccount("wxdealer0001", text, now.AddMinutes(10)),
            "malformed XML" => push with { Body = "<xml><Encrypt><![CDATA[abc]]></Encrypt>" },
            "an XML bomb" => push with { Body = XmlBomb },
            "an external entity inside the encrypted payload" => SignedPush.ToAccount("wxdealer0001", ExternalEntity(now), now),
            "a message sealed for another receiver" => SignedPush.ToAccount("wxdealer0001", text, now, receiveId: "wxsomeoneelse0001"),
            "an Encrypt value that is not base64" => push.Resigned(
                SignedPush.ComponentCrypt, "<xml><ToUserName>gh_x</ToUserName><Encrypt>not*base64</Encrypt></xml>", "not*base64"),
            "a push addressed to another account than the one in the URL" =>
                SignedPush.ToAccount(SignedPush.AppId, SignedPush.TextMessage("hello", SignedPush.NextMsgId(), now, "gh_someoneelse01"), now),
            "a push to the URL of an account no dealer has linked" => SignedPush.ToAccount("wxnotlinked0001", text, now),
            "a push addressed to another corp than the one in the URL" =>
                SignedPush.ToCorp("wwcorpinurl0001", SignedPush.TextMessage("hello", SignedPush.NextMsgId(), now, "wwanothercorp01"), now),
            "a component push naming another component" => SignedPush.ToComponent(
                $"<xml><AppId>wxothercomponent</AppId><CreateTime>{now.ToUnixTimeSeconds()}</CreateTime>"
                + "<InfoType>component_verify_ticket</InfoType><ComponentVerifyTicket>ticket@@@x</ComponentVerifyTicket></xml>",
                now),
            _ => throw new ArgumentOutOfRangeException(nameof(flaw), flaw, "No such flaw."),
        };
    }

    private const string XmlBomb = """
        <?xml version="1.0"?>
        <!DOCTYPE xml [
          <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
          <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
          <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
        ]>
        <xml><ToUserName>gh_x</ToUserName><Encrypt>&d;</Encrypt></xml>
        """;

    private static string ExternalEntity(DateTimeOffset now) =>
        "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
        + "<xml><ToUserName><![CDATA[gh_testaccount01]]></ToUserName><FromUserName><![CDATA[o_follower_1]]></FromUserName>"
        + $"<CreateTime>{now.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>&secret;</Content><MsgId>1</MsgId></xml>";

    /// <summary>
    /// Stores a test message through a host that has the test handler but does not dispatch, stops that host, and
    /// checks that the event waits as pending.
    /// </summary>
    private static async Task StorePendingWithoutDispatchAsync(TestDatabase database, string content)
    {
        var now = DateTimeOffset.UtcNow;
        await using (var receiving = await CallbackHosts.StartAsync(database, new RecordingHandler(), ["--Inbox:DispatchEnabled=false"]))
        {
            using var response = await SignedPush.ToAccount("wxdealer0001", SignedPush.TextMessage(content, SignedPush.NextMsgId(), now), now)
                .PostAsync(receiving.Http);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, await database.InboxCountAsync("pending"));
    }
}

public sealed class CallbackEndpointTests_on_Sqlite() : CallbackEndpointTests(DatabaseProvider.Sqlite);

public sealed class CallbackEndpointTests_on_Postgres() : CallbackEndpointTests(DatabaseProvider.Postgres);
