using Microsoft.Playwright;
using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Wechat.Messages;
using static Microsoft.Playwright.Assertions;

namespace WeLink.Sandbox.Tests.Browser;

/// <summary>
/// The phones page on a 390 px wide phone in headless Chromium: messages read as WeChat and WeCom show them, never as
/// JSON, and nothing scrolls sideways. Each test leaves a screenshot under screenshots/ in the test output folder.
/// </summary>
public sealed class PhonesRenderingTests(Chromium chromium) : SandboxPageTest, IClassFixture<Chromium>
{
    private const int PhoneWidth = 390;

    [Fact]
    public async Task A_template_message_shows_its_title_labelled_fields_and_link_after_what_the_consumer_wrote()
    {
        var world = await WorldView.ReadAsync(Host);
        var account = await Host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var consumer = world.ConsumerId(0);
        var openId = await Host.FollowAsync(consumer, account.AppId);
        await Host.ActAsync("send-text", new { consumer_id = consumer, appid = account.AppId, content = "我的车什么时候能修好？" });
        var template = world.Account(account.AppId).GetProperty("templates").EnumerateArray().Single(t => t.Text("title") == "Complaint progress update");
        var sent = await Host.SendAsync("template/send", account.AccessToken, new
        {
            touser = openId,
            template_id = template.Text("template_id"),
            url = "https://welink.example/complaints/42",
            data = new
            {
                first = new { value = "您的投诉已受理" },
                keyword1 = new { value = "服务态度" },
                keyword2 = new { value = "处理中" },
                keyword3 = new { value = "2026-12-04 20:30" },
                remark = new { value = "我们会在 4 小时内联系您。" },
            },
        });
        Assert.Equal(0, sent.Errcode());

        await chromium.OnPageAsync(async page =>
        {
            await OpenAtPhoneWidthAsync(page);
            var chat = page.Locator($".phone .chat[data-appid='{account.AppId}']").First;
            var message = chat.Locator(".msg[data-api='template/send']");
            await Expect(message.Locator(".tmsg-title")).ToHaveTextAsync("Complaint progress update");
            await Expect(message.Locator(".tmsg-first")).ToHaveTextAsync("您的投诉已受理");
            await Expect(message.Locator("dt")).ToHaveTextAsync(["投诉主题", "处理状态", "更新时间"]);
            await Expect(message.Locator("dd")).ToHaveTextAsync(["服务态度", "处理中", "2026-12-04 20:30"]);
            await Expect(message).ToContainTextAsync("我们会在 4 小时内联系您。");
            await Expect(message.Locator("a.tmsg-link")).ToHaveAttributeAsync("href", "https://welink.example/complaints/42");
            await Expect(chat.Locator(".msg")).ToHaveCountAsync(2);
            await Expect(chat.Locator(".msg").First).ToHaveClassAsync("msg mine");
            await Expect(chat.Locator(".msg.mine .bubble")).ToHaveTextAsync("我的车什么时候能修好？");
            await Expect(page.Locator("body")).Not.ToContainTextAsync("keyword1");
            await Expect(page.Locator("body")).Not.ToContainTextAsync("template_id");
            await AssertNoSidewaysScrollingAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("phones-template-message.png"), FullPage = true });
        });
    }

    [Fact]
    public async Task A_template_card_shows_its_title_description_fields_and_buttons_and_after_a_press_what_the_update_says_to_the_presser_only()
    {
        var world = await WorldView.ReadAsync(Host);
        var corp = await Host.InstallCorpAsync(world.CorpId(0));
        var (advisor, manager) = (world.StaffUserId(0, 2), world.StaffUserId(0, 0));
        var sent = await Host.Client.PostJsonAsync($"wecom/cgi-bin/message/send?access_token={corp.AccessToken}", new
        {
            touser = $"{advisor}|{manager}",
            msgtype = "template_card",
            agentid = corp.AgentId,
            template_card = new
            {
                card_type = "button_interaction",
                source = new { desc = "客户投诉" },
                main_title = new { title = "新投诉（紧急）" },
                sub_title_text = "保养后发动机异响，沟通时态度冷淡。",
                horizontal_content_list = new[] { new { keyname = "类别", value = "车辆故障" }, new { keyname = "严重程度", value = "紧急" } },
                task_id = "complaint-42",
                button_list = new[] { new { text = "受理", key = "acknowledge", style = 1 }, new { text = "请客户补充信息", key = "request_info", style = 2 } },
            },
        });
        Assert.Equal(0, sent.Errcode());

        await chromium.OnPageAsync(async page =>
        {
            await OpenAtPhoneWidthAsync(page);
            var phones = new PhonesPage(page, Host);
            var card = page.Locator($".phone[data-userid='{advisor}'] .wcard");
            await Expect(card.Locator(".wcard-source")).ToHaveTextAsync("客户投诉");
            await Expect(card.Locator(".wcard-title")).ToHaveTextAsync("新投诉（紧急）");
            await Expect(card.Locator(".wcard-desc")).ToHaveTextAsync("保养后发动机异响，沟通时态度冷淡。");
            await Expect(card.Locator("dt")).ToHaveTextAsync(["类别", "严重程度"]);
            await Expect(card.Locator("dd")).ToHaveTextAsync(["车辆故障", "紧急"]);
            await Expect(card.Locator(".wcard-buttons button")).ToHaveTextAsync(["受理", "请客户补充信息"]);
            await Expect(page.Locator("body")).Not.ToContainTextAsync("horizontal_content_list");
            await AssertNoSidewaysScrollingAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("phones-card-before.png"), FullPage = true });

            await phones.CardButton(advisor, "complaint-42", "acknowledge").ClickAsync();
            var pressed = await Receiver.WaitForAsync<TemplateCardEvent>(
                $"/wecom/suite/data/{corp.CorpId}", e => e.TaskId == "complaint-42");
            var update = await Host.Client.PostJsonAsync($"wecom/cgi-bin/message/update_template_card?access_token={corp.AccessToken}", new
            {
                userids = new[] { advisor },
                agentid = corp.AgentId,
                response_code = pressed.ResponseCode,
                button = new { replace_name = "已受理" },
            });
            Assert.Equal(0, update.Errcode());
            await page.ReloadAsync();

            await Expect(card.Locator(".wcard-done")).ToHaveTextAsync("已受理");
            await Expect(card.Locator("button")).ToHaveCountAsync(0);
            await Expect(card.Locator(".wcard-title")).ToHaveTextAsync("新投诉（紧急）");
            await Expect(page.Locator($".phone[data-userid='{manager}'] .wcard .wcard-buttons button")).ToHaveTextAsync(["受理", "请客户补充信息"]);
            await AssertNoSidewaysScrollingAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("phones-card-after.png"), FullPage = true });
        });
    }

    private static string Screenshot(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name);

    private async Task OpenAtPhoneWidthAsync(IPage page)
    {
        await page.SetViewportSizeAsync(PhoneWidth, 844);
        await new PhonesPage(page, Host).OpenAsync();
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than a {PhoneWidth} px phone");
    }
}
