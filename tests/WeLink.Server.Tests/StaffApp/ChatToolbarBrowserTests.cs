using Microsoft.Playwright;
using WeLink.Server.Data;
using WeLink.Server.Tests.Complaints;
using static Microsoft.Playwright.Assertions;
using static WeLink.Server.Tests.StaffApp.CasePageSteps;

namespace WeLink.Server.Tests.StaffApp;

/// <summary>
/// The staff app opened from a WeCom chat's toolbar (<c>#/contact</c>) in headless Chromium at a phone's size, against a
/// real WeLink and its in-process sandbox: the sandbox's WeCom client bridge tells the app the chat's external contact,
/// chosen through the control API or by clicking on the staff member's sandbox phone, and the page shows who that is to
/// the dealer. `WELINK_SCREENSHOTS=1` saves docs/screenshots/contact.png.
/// </summary>
public sealed class ChatToolbarBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Opened_from_a_chat_with_a_customer_the_page_shows_them_with_their_cases_and_a_tap_opens_the_case()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[1]);
        var complaint = await ComplaintTests.FileAsync(consumer, "toolbar", "服务态度", "high");
        await _world.UnionIdKnownAsync(_world.People[1]);
        var externalUserId = await _world.AddExternalContactAsync(_world.People[1], _world.BeijingCorpId, _world.Advisor.UserId);

        // The world adds the contact without a push, so WeLink knows them only by converting the unionid, which its worker
        // does in its own time: before the contact was added (a pending_id the page's lookup asks WeCom about) or after
        // (the contact itself). The page is opened once either is recorded.
        var openId = await _world.OpenIdAsync(_world.People[1]);
        await Poll.UntilAsync(
            () => _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM contact_conversions WHERE open_id = @openId AND completed_at IS NOT NULL", new { openId }),
            count => count > 0,
            Deadline.BackgroundWork,
            "the unionid converted in the dealer's corp");
        await _world.ControlAsync("wecom/client", new { corpid = _world.BeijingCorpId, userid = _world.Advisor.UserId, chat_external_userid = externalUserId });

        await using var advisor = await StaffPhone.SignInAsync(chromium, _world.Host.BaseAddress, _world.Advisor.Name, "/contact");
        var row = advisor.Page.Locator($"[data-testid=case-row][data-case-id='{complaint.Id}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("客户投诉 · 服务态度");
        await Expect(advisor.Page.Locator("[data-testid=case-row]")).ToHaveCountAsync(1);
        // The heading leads with the contact's WeCom name (the chat's: Wang Fang); the linked customer, named as the case
        // rows name them (WeLink's name for the consumer), comes second: no 尚未关联.
        var customerName = (await row.Locator("[data-testid=row-title]").TextContentAsync())!.Trim();
        await Expect(advisor.Page.Locator("[data-testid=contact-name]")).ToHaveTextAsync("Wang Fang");
        await Expect(advisor.Page.Locator("[data-testid=contact-customer]")).ToHaveTextAsync($"本店客户：{customerName}");
        await Expect(advisor.Page.Locator("[data-testid=not-linked]")).ToHaveCountAsync(0);
        await advisor.ScreenshotAsync("contact");

        await row.ClickAsync();
        await advisor.Page.WaitForURLAsync($"**/wecom-app/#/cases/{complaint.Id}", new() { WaitUntil = WaitUntilState.Commit });
        await ExpectStateAsync(advisor.Page, "received");
        Assert.Empty(advisor.Errors);
    }

    [Fact]
    public async Task A_chat_opened_by_clicking_on_the_sandbox_phone_with_someone_WeLink_cannot_link_shows_them_not_yet_linked()
    {
        await using var advisor = await StaffPhone.SignInAsync(chromium, _world.Host.BaseAddress, _world.Advisor.Name, "/me");

        // Zhang Min never met an account of the brand: WeCom gives no unionid WeLink knows.
        await advisor.Page.GotoAsync(new Uri(_world.Host.BaseAddress, "/sandbox/phones").ToString());
        var openChat = advisor.Page.Locator($"section.phone.wecom[data-userid='{_world.Advisor.UserId}'] [data-testid=open-chat]:has(input[name=corpid][value='{_world.BeijingCorpId}'])");
        await Expect(openChat.Locator("[data-testid=current-chat]")).ToHaveTextAsync("未在聊天中");
        await openChat.Locator("select[name=consumer_id]").SelectOptionAsync(_world.People[2]);
        await openChat.Locator("button").ClickAsync();
        await Expect(openChat.Locator("[data-testid=current-chat]")).ToContainTextAsync("Zhang Min");

        await advisor.Page.GotoAsync(new Uri(_world.Host.BaseAddress, "/wecom-app/#/contact").ToString());
        await Expect(advisor.Page.Locator("[data-testid=contact-name]")).ToHaveTextAsync("Zhang Min");
        await Expect(advisor.Page.Locator("[data-testid=not-linked]")).ToHaveTextAsync("尚未关联");
        await Expect(advisor.Page.Locator("[data-testid=case-row]")).ToHaveCountAsync(0);
        Assert.Empty(advisor.Errors);
    }
}
