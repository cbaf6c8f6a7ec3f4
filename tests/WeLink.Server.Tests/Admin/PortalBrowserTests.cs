using Microsoft.Playwright;
using WeLink.Server.Data;
using static Microsoft.Playwright.Assertions;

namespace WeLink.Server.Tests.Admin;

/// <summary>A platform admin works the portal in headless Chromium: sign in, create a brand and a dealer, approve it.</summary>
public sealed class PortalBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private AdminHost _admin = null!;

    public async Task InitializeAsync() => _admin = await AdminHost.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _admin.DisposeAsync();

    [Fact]
    public async Task An_admin_signs_in_creates_a_brand_and_a_dealer_and_approves_it()
    {
        var portal = new Uri(_admin.Host.BaseAddress, "/admin");

        await chromium.OnPageAsync(async page =>
        {
            await PortalSteps.SignInAsync(page, portal);
            await Expect(page.Locator("nav")).ToContainTextAsync("审计日志");
            var dealerId = await PortalSteps.CreateBrandAndDealerAsync(page, "Hongqi", "HQ-BJ-01", "Hongqi Beijing Chaoyang");

            await Expect(page.Locator("h1 .badge")).ToHaveTextAsync("待批准");
            await Expect(page.Locator("h1 .badge")).ToHaveAttributeAsync("data-status", "pending");
            await Expect(page.Locator("#authorize-official-account-pc"))
                .ToHaveAttributeAsync("href", $"/onboarding/dealers/{dealerId}/official-account/authorize?device=pc");
            await Expect(page.Locator("#authorize-official-account-mobile"))
                .ToHaveAttributeAsync("href", $"/onboarding/dealers/{dealerId}/official-account/authorize?device=mobile");
            await Expect(page.Locator("#install-wecom")).ToHaveAttributeAsync("href", $"/onboarding/dealers/{dealerId}/wecom/install");

            await page.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();

            await Expect(page.Locator("h1 .badge")).ToHaveTextAsync("已批准");
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("经销商已批准。");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "暂停" })).ToBeVisibleAsync();
            Assert.Equal("approved", await _admin.Database.ScalarAsync<string>("SELECT status FROM dealers WHERE id = @id", new { id = dealerId }));

            await page.GetByRole(AriaRole.Link, new() { Name = "审计日志" }).ClickAsync();
            await Expect(page.Locator("#audit tr[data-action='dealer.approve'][data-outcome='succeeded']")).ToHaveCountAsync(1);

            await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录", Exact = true })).ToBeVisibleAsync();
            await page.GotoAsync(portal.ToString());
            await Expect(page).ToHaveURLAsync(PortalSteps.LoginUrl());
        });
    }
}
