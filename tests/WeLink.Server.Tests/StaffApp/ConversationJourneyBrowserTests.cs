using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WeLink.Server.Data;
using WeLink.Server.Tests.Complaints;
using WeLink.Server.Tests.Conversations;
using static Microsoft.Playwright.Assertions;

namespace WeLink.Server.Tests.StaffApp;

/// <summary>
/// Conversations in the staff app, in headless Chromium at a phone's size against a real WeLink with its in-process
/// sandbox: a consumer writes to the Beijing dealer's account from their sandbox phone, the service advisor answers from
/// the app and the answer arrives on that phone from the dealer's account; 48 hours after the consumer's last message
/// (WeLink's and the sandbox's clocks moved together) the app refuses a free-form reply with the reason and offers the
/// invitation; the conversation becomes a complaint whose case page carries its messages.
/// `WELINK_SCREENSHOTS=1` saves docs/screenshots/conversation.png.
/// </summary>
public sealed class ConversationJourneyBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string Question = "保养后发动机有异响，能帮忙看看吗？";
    private const string Answer = "您好，请明天上午到店，我们安排技师为您检查。";
    private const string WindowClosed = "客户已超过 48 小时未发消息，微信不允许再主动回复";

    private ComplaintWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await ComplaintWorld.StartAsync(DatabaseProvider.Sqlite);

        // Open around the clock, so the brand's out-of-hours reply does not join the chat whenever the test runs.
        await _world.SetBeijingHoursAsync("00:00-24:00");
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_consumers_message_reaches_the_advisor_whose_reply_arrives_from_the_dealers_account_and_after_48_hours_the_app_refuses_a_free_form_reply_and_files_it_as_a_complaint()
    {
        var person = _world.People[0];
        await _world.FollowAsync(person);
        await chromium.OnPageAsync(phone => WriteFromPhoneAsync(phone, person, Question));

        await using var advisor = await StaffPhone.SignInAsync(chromium, _world.Host.BaseAddress, _world.Advisor.Name, "/conversations");
        var row = advisor.Page.Locator("[data-testid=conversation-row]", new() { HasText = Question });
        await Expect(row.Locator("[data-testid=unanswered]")).ToBeVisibleAsync();
        await Expect(row.Locator("[data-testid=waiting]")).ToContainTextAsync("已等待");

        await row.ClickAsync();
        var messages = advisor.Page.Locator("[data-testid=message]");
        await Expect(messages.Last).ToHaveAttributeAsync("data-direction", "in");
        await Expect(messages.Last).ToContainTextAsync(Question);
        await ReplyAsync(advisor.Page, Answer);
        await Expect(messages.Last).ToHaveAttributeAsync("data-direction", "out");
        await Expect(messages.Last).ToContainTextAsync(_world.Advisor.Name);
        var conversationRoute = new Uri(advisor.Page.Url).Fragment.TrimStart('#');

        await chromium.OnPageAsync(phone => ExpectReplyOnPhoneAsync(phone, person, Answer));
        var sentBefore = await SentToAsync(person);

        // 48 hours pass. WeChat's window is judged on both sides (WeLink refuses first; the sandbox would answer 45015), so
        // both clocks move; the advisor's session has expired meanwhile, so the app signs them in again on the way back.
        await _world.AdvanceClocksAsync(TimeSpan.FromHours(48) + TimeSpan.FromMinutes(5));
        await using var later = await StaffPhone.SignInAsync(chromium, _world.Host.BaseAddress, _world.Advisor.Name, conversationRoute);
        var refusal = later.Page.Locator("[data-testid=reply-box] [data-testid=window-closed]");
        await Expect(refusal).ToContainTextAsync(WindowClosed);
        await Expect(refusal.Locator("[data-testid=invite]")).ToContainTextAsync("发送模板消息邀请客户");
        await Expect(later.Page.Locator("[data-testid=send]")).ToBeDisabledAsync();
        await Expect(later.Page.Locator("[data-testid=message]")).ToHaveCountAsync(2);
        Assert.Equal(sentBefore, await SentToAsync(person));
        await later.ScreenshotAsync("conversation");

        await later.Page.Locator("[data-testid=to-complaint]").ClickAsync();
        var form = later.Page.Locator("[data-testid=complaint-form]");
        await Expect(form.Locator("[data-field=description] textarea")).ToHaveValueAsync(Question);
        await form.Locator("[data-testid=category-option][data-value='维修质量']").ClickAsync();
        await form.Locator("[data-testid=complaint-submit]").ClickAsync();

        await later.Page.WaitForURLAsync(new Regex("#/cases/[0-9a-f-]{36}$"), new() { WaitUntil = WaitUntilState.Commit });
        var timeline = later.Page.Locator("[data-testid=timeline]");
        await Expect(timeline).ToContainTextAsync(Question);
        await Expect(timeline).ToContainTextAsync(Answer);
        Assert.Empty(advisor.Errors);
        Assert.Empty(later.Errors);
    }

    /// <summary>The consumer writes to the Beijing account on their sandbox phone, and WeLink has taken the push.</summary>
    private async Task WriteFromPhoneAsync(IPage phone, string person, string text)
    {
        await phone.GotoAsync(new Uri(_world.Host.BaseAddress, "/sandbox/phones").ToString());
        var chat = ChatOf(phone, person);
        await chat.Locator("form:has(input[name=action][value=send-text]) input[name=content]").FillAsync(text);
        await chat.Locator("form:has(input[name=action][value=send-text]) button").ClickAsync();
        await Expect(ChatOf(phone, person).Locator(".msg.mine", new() { HasText = text })).ToBeVisibleAsync();

        var pushes = JsonDocument.Parse(await _world.Host.Http.GetStringAsync(new Uri("/sandbox/control/pushes?kind=text", UriKind.Relative))).RootElement;
        var pushId = pushes.EnumerateArray().Last().GetProperty("id").GetInt64();
        await _world.Host.Http.GetStringAsync(new Uri($"/sandbox/control/pushes/{pushId}?wait_seconds=10", UriKind.Relative));
    }

    /// <summary>The reply shows in the consumer's chat with the Beijing account, as a message from the account.</summary>
    private async Task ExpectReplyOnPhoneAsync(IPage phone, string person, string text)
    {
        await phone.GotoAsync(new Uri(_world.Host.BaseAddress, "/sandbox/phones").ToString());
        var reply = ChatOf(phone, person).Locator(".msg:not(.mine)", new() { HasText = text });
        await Expect(reply).ToBeVisibleAsync();
    }

    private ILocator ChatOf(IPage phone, string person) =>
        phone.Locator("section.phone", new() { HasText = person }).Locator($".chat[data-appid='{_world.BeijingAppId}']");

    private static async Task ReplyAsync(IPage page, string text)
    {
        await page.Locator("[data-testid=reply-input] textarea").FillAsync(text);
        await page.Locator("[data-testid=send]").ClickAsync();
    }

    /// <summary>How many customer-service messages the sandbox recorded for the person from the Beijing account.</summary>
    private async Task<int> SentToAsync(string person) =>
        (await _world.MessagesAsync("custom/send", await _world.OpenIdAsync(person))).Count;
}
