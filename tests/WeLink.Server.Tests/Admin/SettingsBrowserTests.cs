using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeLink.Sandbox.World;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tests.Complaints;
using WeLink.Server.Tests.Conversations;
using static Microsoft.Playwright.Assertions;

namespace WeLink.Server.Tests.Admin;

/// <summary>
/// HQ and a dealer admin change the settings that shape consumers' conversations by clicking and typing in the portal, in
/// headless Chromium, and the effect shows where consumers and staff meet it: the menu on both dealers' official accounts
/// (a mini-program entry opening the brand's mini program with each account's dealer), the new conversation's WeCom card at
/// the chosen duty role, the new out-of-hours reply on the consumer's sandbox phone. `WELINK_SCREENSHOTS=1` saves
/// docs/screenshots/brand-menu.png; every run leaves the pages at desktop size under screenshots/ in the test output.
/// </summary>
public abstract class SettingsBrowserTests(DatabaseProvider provider, Chromium chromium) : IClassFixture<Chromium>
{
    private const string Password = "settings-password-0123";

    /// <summary>WeChat's 40166, invalid weapp appid: a refusal no retry changes.</summary>
    private const int InvalidMiniProgramAppId = 40166;

    [Fact]
    public async Task HQ_builds_the_menu_with_mini_program_entries_and_both_linked_accounts_get_it_with_their_own_dealer()
    {
        await using var world = await ComplaintWorld.StartAsync(provider);
        var hq = await AdminOfAsync(world, $"/api/admin/brands/{world.BrandId}/hq-admins");
        var sandbox = world.Host.Services.GetRequiredService<SandboxWorld>();
        var shanghaiAppId = sandbox.Snapshot().Accounts[1].AppId;

        await chromium.OnPageAsync(async page =>
        {
            await SignInAsync(page, world, hq);
            await page.GotoAsync(At(world, $"/admin/brands/{world.BrandId}/dealers"));
            await page.GetByRole(AriaRole.Link, new() { Name = "公众号菜单" }).ClickAsync();
            await Expect(page.Locator("#menu-miniprogram [data-miniprogram]")).ToHaveAttributeAsync("data-miniprogram", world.MiniProgramAppId);

            await FillAsync(page, "一级按钮 1", "售后服务与投诉", type: null);
            await FillAsync(page, "一级按钮 1 · 子按钮 1", "我要投诉", "小程序页面", url: "https://welink.example.com/", miniProgramPage: "我要投诉");
            await FillAsync(page, "一级按钮 1 · 子按钮 2", "门店首页", "小程序页面", url: "https://welink.example.com/", miniProgramPage: "首页");
            await FillAsync(page, "一级按钮 2", "到店预约", "点击（发送事件）", key: "booking");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存并发布到所有公众号" }).ClickAsync();

            // Seven Chinese characters are 21 bytes; WeChat takes 16 at the top level. Nothing is stored or published.
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("一级按钮「售后服务与投诉」的名称超过 16 个字节");
            await Expect(page.GetByLabel("一级按钮 1 · 子按钮 1 名称", new() { Exact = true })).ToHaveValueAsync("我要投诉");
            Assert.Null(sandbox.MenuOf(world.BeijingAppId));

            // WeChat refuses the menu on the first account it goes to: that account's row says so, the other is published.
            await world.ControlAsync("faults/api", new { api = "cgi-bin/menu/create", count = 1, errcode = InvalidMiniProgramAppId });
            await page.GetByLabel("一级按钮 1 名称", new() { Exact = true }).FillAsync("服务");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存并发布到所有公众号" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("菜单已保存，已发布到 2 个已关联公众号中的 1 个。");
            var refused = page.Locator("#publications tr[data-published='false']");
            await Expect(refused.Locator(".badge")).ToHaveTextAsync("失败");
            await Expect(refused).ToContainTextAsync($"errcode {InvalidMiniProgramAppId}");
            await Expect(page.Locator("#publications tr[data-published='true']")).ToContainTextAsync("已发布");
            await Expect(page.GetByLabel("一级按钮 1 · 子按钮 1 小程序页面", new() { Exact = true })).ToHaveValueAsync("pages/complaints/new");
            await page.SetViewportSizeAsync(1280, 900);
            await page.ScreenshotAsync(new() { Path = Screenshot("brand-menu.png"), FullPage = true });
            if (Environment.GetEnvironmentVariable(StaffApp.StaffPhone.ScreenshotsVariable) == "1")
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(Foundation.SampleSettingsTests.RepositoryRoot(), "docs", "screenshots", "brand-menu.png"), FullPage = true });
            }

            // Saving again puts the same menu on every account.
            await page.GetByRole(AriaRole.Button, new() { Name = "保存并发布到所有公众号" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("菜单已保存，已发布到 2 个已关联公众号中的 2 个。");
            await Expect(page.Locator($"#publications tr[data-appid='{world.BeijingAppId}'][data-published='true']")).ToContainTextAsync("Aurora Beijing Dealer");
            await Expect(page.Locator($"#publications tr[data-appid='{shanghaiAppId}'][data-published='true']")).ToBeVisibleAsync();

            // The consumer's phone shows the account's click entries; its mini-program entries are in the menu WeChat holds.
            await page.GotoAsync(At(world, "/sandbox/phones"));
            await Expect(page.Locator($".chat[data-appid='{world.BeijingAppId}']").First.GetByRole(AriaRole.Button, new() { Name = "到店预约" })).ToBeVisibleAsync();
        });

        Assert.Equal(
            [(world.MiniProgramAppId, $"pages/complaints/new?dealerId={world.BeijingDealerId}"), (world.MiniProgramAppId, $"pages/home/index?dealerId={world.BeijingDealerId}")],
            MiniProgramEntries(sandbox.MenuOf(world.BeijingAppId)));
        Assert.Equal(
            [(world.MiniProgramAppId, $"pages/complaints/new?dealerId={world.ShanghaiDealerId}"), (world.MiniProgramAppId, $"pages/home/index?dealerId={world.ShanghaiDealerId}")],
            MiniProgramEntries(sandbox.MenuOf(shanghaiAppId)));
        Assert.Equal(2, await world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'brand.menu.set'"));
    }

    [Fact]
    public async Task A_dealer_admin_puts_service_managers_on_duty_and_the_next_new_conversations_card_goes_to_the_manager()
    {
        await using var world = await ComplaintWorld.StartAsync(provider);
        await world.SetBeijingHoursAsync("00:00-24:00");
        var dealerAdmin = await AdminOfAsync(world, $"/api/admin/dealers/{world.BeijingDealerId}/admins");

        await chromium.OnPageAsync(async page =>
        {
            await SignInAsync(page, world, dealerAdmin);
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "员工与角色" }).ClickAsync();
            await Expect(page.GetByLabel("新会话通知")).ToHaveValueAsync(StaffRoles.ServiceAdvisor);

            await page.GetByLabel("新会话通知").SelectOptionAsync(new SelectOptionValue { Label = "服务经理" });
            await page.GetByRole(AriaRole.Button, new() { Name = "保存值班角色" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("新会话今后通知服务经理。");
            await Expect(page.GetByLabel("新会话通知")).ToHaveValueAsync(StaffRoles.ServiceManager);
            await page.SetViewportSizeAsync(1280, 900);
            await page.ScreenshotAsync(new() { Path = Screenshot("duty-role.png"), FullPage = true });
        });
        await world.FollowAsync(world.People[0]);
        await world.WriteAsync(world.People[0], "请问周六营业吗");

        var card = Assert.Single(await world.AwaitMessagesAsync(ComplaintTests.WecomSend, world.Manager.UserId, 1, "the manager's card"));
        Assert.Equal("新的客户咨询", card.GetProperty("body").GetProperty("textcard").GetProperty("title").GetString());
        Assert.Empty(await world.MessagesAsync(ComplaintTests.WecomSend, world.Advisor.UserId));
    }

    [Fact]
    public async Task HQ_writes_a_new_out_of_hours_reply_and_a_consumer_writing_after_hours_reads_it_on_their_phone()
    {
        await using var world = await ComplaintWorld.StartAsync(provider);
        var hq = await AdminOfAsync(world, $"/api/admin/brands/{world.BrandId}/hq-admins");
        const string reply = "极光汽车：门店已打烊，明早 9 点由顾问回复您。";
        var person = world.People[0];

        await chromium.OnPageAsync(async page =>
        {
            await SignInAsync(page, world, hq);
            await page.GotoAsync(At(world, $"/admin/brands/{world.BrandId}/dealers"));
            await page.GetByRole(AriaRole.Link, new() { Name = "会话设置" }).ClickAsync();
            var text = page.GetByLabel("回复内容");
            await Expect(text).ToHaveValueAsync(ConversationDefaults.OutOfHoursReply);

            await text.FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存回复" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("没有保存：请填写非营业时间自动回复。");

            await page.GetByLabel("回复内容").FillAsync(reply);
            await Expect(page.Locator("#reply-count")).ToHaveTextAsync(reply.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "保存回复" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("非营业时间自动回复已保存");
            await Expect(page.GetByLabel("回复内容")).ToHaveValueAsync(reply);
            await page.SetViewportSizeAsync(1280, 900);
            await page.ScreenshotAsync(new() { Path = Screenshot("out-of-hours-reply.png"), FullPage = true });

            await world.SetBeijingHoursAsync(world.HoursClosedNow());
            await world.FollowAsync(person);
            await world.WriteAsync(person, "晚上打扰了，车灯不亮");
            await world.AwaitMessagesAsync(ConversationWorld.CustomSend, await world.OpenIdAsync(person), 1, "the out-of-hours reply");
            await page.GotoAsync(At(world, "/sandbox/phones"));
            var chat = page.Locator("section.phone", new() { HasText = person }).Locator($".chat[data-appid='{world.BeijingAppId}']");
            await Expect(chat.Locator(".msg:not(.mine)", new() { HasText = reply })).ToBeVisibleAsync();
        });
    }

    /// <summary>Fills one row of the menu grid, found by the label its fields carry.</summary>
    private static async Task FillAsync(IPage page, string row, string name, string? type, string? key = null, string? url = null, string? miniProgramPage = null)
    {
        await page.GetByLabel($"{row} 名称", new() { Exact = true }).FillAsync(name);
        if (type is not null)
        {
            await page.GetByLabel($"{row} 类型", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = type });
        }

        if (key is not null)
        {
            await page.GetByLabel($"{row} 点击 key", new() { Exact = true }).FillAsync(key);
        }

        if (url is not null)
        {
            await page.GetByLabel($"{row} 网址", new() { Exact = true }).FillAsync(url);
        }

        if (miniProgramPage is not null)
        {
            await page.GetByLabel($"{row} 小程序页面", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = miniProgramPage });
        }
    }

    /// <summary>The (appid, pagepath) of every mini-program button in a menu as WeChat holds it.</summary>
    private static (string?, string?)[] MiniProgramEntries(string? menuJson)
    {
        Assert.NotNull(menuJson);
        using var menu = JsonDocument.Parse(menuJson);
        return [.. menu.RootElement.GetProperty("button").EnumerateArray()
            .SelectMany(b => b.TryGetProperty("sub_button", out var subs) ? subs.EnumerateArray().ToList() : [b])
            .Where(b => b.GetProperty("type").GetString() == "miniprogram")
            .Select(b => (b.GetProperty("appid").GetString(), b.GetProperty("pagepath").GetString()))];
    }

    /// <summary>A new admin made by the platform admin through the API (HQ of the brand, or admin of a dealer); their email.</summary>
    private static async Task<string> AdminOfAsync(ComplaintWorld world, string path)
    {
        var email = $"{Guid.NewGuid():N}@welink.test";
        using var platform = await world.PlatformAdminAsync();
        using var created = await platform.Http.PostAsJsonAsync(path, new { email, displayName = "设置测试", password = Password }, AdminClient.Json);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return email;
    }

    private static async Task SignInAsync(IPage page, ComplaintWorld world, string email)
    {
        await page.GotoAsync(At(world, "/admin/login"));
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();
    }

    private static string At(ComplaintWorld world, string path) => new Uri(world.Host.BaseAddress, path).ToString();

    private static string Screenshot(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name);
}

public sealed class SettingsBrowserTests_on_Sqlite(Chromium chromium) : SettingsBrowserTests(DatabaseProvider.Sqlite, chromium);

public sealed class SettingsBrowserTests_on_Postgres(Chromium chromium) : SettingsBrowserTests(DatabaseProvider.Postgres, chromium);
