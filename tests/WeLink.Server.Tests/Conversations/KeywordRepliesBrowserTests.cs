using Microsoft.Playwright;
using WeLink.Server.Data;
using WeLink.Server.Tests.Complaints;
using static Microsoft.Playwright.Assertions;

namespace WeLink.Server.Tests.Conversations;

/// <summary>
/// HQ sets the brand's keyword replies on the portal page by typing and clicking (refused input explained in Chinese,
/// each change audited), and a consumer's message with the keyword gets the card on their sandbox phone as WeChat shows it.
/// </summary>
public sealed class KeywordRepliesBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private ComplaintWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await ComplaintWorld.StartAsync(DatabaseProvider.Sqlite);
        await _world.SetBeijingHoursAsync("00:00-24:00");
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task HQ_adds_changes_and_removes_keyword_replies_and_a_consumers_keyword_brings_the_card_to_their_phone()
    {
        await chromium.OnPageAsync(async page =>
        {
            await page.GotoAsync(new Uri(_world.Host.BaseAddress, "/admin").ToString());
            await page.GetByLabel("邮箱").FillAsync(ComplaintWorld.RootEmail);
            await page.GetByLabel("密码").FillAsync(ComplaintWorld.RootPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
            await page.Locator("#brands tr", new() { HasText = "Aurora Motors" }).GetByRole(AriaRole.Link, new() { Name = "关键词回复" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aurora Motors · 关键词回复" })).ToBeVisibleAsync();
            await Expect(page.Locator("#keyword-replies tbody")).ToContainTextAsync("还没有关键词回复。");
            var form = page.Locator("#keyword-reply-form");

            // Nothing typed: the keyword is asked for, nothing is saved.
            await form.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
            await Expect(form.Locator("[data-error=keyword]")).ToHaveTextAsync("请填写关键词。");
            await Expect(form.Locator("[data-error=text]")).ToHaveTextAsync("请填写回复文字。");

            // A card to a page the mini program does not have is refused with the pages it has; what was typed stays.
            await form.Locator("input[name=keyword]").FillAsync("投诉");
            await form.GetByLabel("小程序卡片").CheckAsync();
            await form.Locator("input[name=pageTitle]").FillAsync("在线提交投诉");
            await form.Locator("input[name=pagePath]").FillAsync("pages/complain/new");
            await form.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
            await Expect(form.Locator("[data-error=pagePath]")).ToContainTextAsync("“pages/complain/new”不是小程序的页面");
            await Expect(form.Locator("input[name=pageTitle]")).ToHaveValueAsync("在线提交投诉");
            await form.Locator("input[name=pagePath]").FillAsync("pages/complaints/new");
            await form.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已添加关键词“投诉”的回复。");
            await Expect(page.Locator("#keyword-replies tr[data-keyword='投诉'][data-kind='page']")).ToContainTextAsync("在线提交投诉 打开 pages/complaints/new");

            // A text reply, then changed, then removed.
            await form.Locator("input[name=keyword]").FillAsync("会员");
            await form.Locator("textarea[name=text]").FillAsync("会员积分请在小程序“我的”页查看。");
            await form.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
            await Expect(page.Locator("#keyword-replies tr[data-keyword='会员']")).ToContainTextAsync("会员积分请在小程序“我的”页查看。");
            await page.Locator("#keyword-replies tr[data-keyword='会员']").GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
            await Expect(form.Locator("textarea[name=text]")).ToHaveValueAsync("会员积分请在小程序“我的”页查看。");
            await form.Locator("textarea[name=text]").FillAsync("会员权益请看小程序，顾问稍后联系您。");
            await form.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存关键词“会员”的回复。");
            await Expect(page.Locator("#keyword-replies tr[data-keyword='会员']")).ToContainTextAsync("会员权益请看小程序，顾问稍后联系您。");
            await Expect(form.Locator("input[name=keyword]")).ToHaveValueAsync("");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "keyword-replies.png"), FullPage = true });

            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await page.Locator("#keyword-replies tr[data-keyword='会员']").GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已删除关键词“会员”的回复。");
            await Expect(page.Locator("#keyword-replies tr[data-keyword]")).ToHaveCountAsync(1);

            await page.GetByRole(AriaRole.Link, new() { Name = "审计日志" }).ClickAsync();
            await Expect(page.Locator("#audit tr[data-action='brand.keyword-reply.add'][data-outcome='succeeded']")).ToHaveCountAsync(2);
            await Expect(page.Locator("#audit tr[data-action='brand.keyword-reply.add'][data-outcome='refused']")).ToHaveCountAsync(2);
            await Expect(page.Locator("#audit tr[data-action='brand.keyword-reply.change']")).ToHaveCountAsync(1);
            await Expect(page.Locator("#audit tr[data-action='brand.keyword-reply.remove']")).ToHaveCountAsync(1);

            // Li Wei writes 我要投诉 from the phone: the account answers with the card, which opens the complaint page for this dealer.
            var person = _world.People[0];
            await _world.FollowAsync(person);
            await _world.WriteAsync(person, "我要投诉");
            await _world.AwaitMessagesAsync(ConversationWorld.CustomSend, await _world.OpenIdAsync(person), 1, "the keyword card");
            await page.GotoAsync(new Uri(_world.Host.BaseAddress, "/sandbox/phones").ToString());
            var card = page.Locator("section.phone", new() { HasText = person }).Locator($".chat[data-appid='{_world.BeijingAppId}'] .mpcard");
            await Expect(card).ToContainTextAsync("在线提交投诉");
            await Expect(card).ToContainTextAsync("小程序");
            await Expect(card).ToHaveAttributeAsync("data-page", $"pages/complaints/new?dealerId={_world.BeijingDealerId}");
            await Expect(card).ToHaveAttributeAsync("data-appid", _world.MiniProgramAppId);
            await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "keyword-card-on-phone.png") });
        });
    }
}
