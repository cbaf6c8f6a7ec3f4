using Microsoft.Playwright;
using WeLink.Server.Data;
using WeLink.Server.Tests.Admin;
using static Microsoft.Playwright.Assertions;

namespace WeLink.Server.Tests.EndToEnd;

/// <summary>
/// A newcomer onboards a dealer by clicking, in headless Chromium: the portal, then the sandbox's WeChat and WeCom
/// authorization pages, and back; the authorization events arrive as real pushes through the inbox.
/// </summary>
public sealed class PortalJourneyBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private AdminHost _site = null!;

    public async Task InitializeAsync() =>
        _site = await AdminHost.StartAsync(DatabaseProvider.Sqlite, null, "--Sandbox:PushTicketsOnSchedule=false", "--Onboarding:WeComTestMode=true");

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task An_admin_onboards_a_dealer_through_the_portal_and_the_platform_pages_until_it_is_linked()
    {
        await PlatformTickets.PushAsync(_site.Host);
        var portal = new Uri(_site.Host.BaseAddress, "/admin");

        await chromium.OnPageAsync(async page =>
        {
            await PortalSteps.SignInAsync(page, portal);
            var dealerId = await PortalSteps.CreateBrandAndDealerAsync(page, "Aurora Motors", "BJ01", "Aurora Beijing");
            await page.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();
            await Expect(page.Locator("h1 .badge")).ToHaveAttributeAsync("data-status", "approved");
            await Expect(page.Locator("#link-summary")).ToHaveAttributeAsync("data-linked", "false");

            await page.Locator("#authorize-official-account-pc").ClickAsync();
            await page.Locator(".card", new() { HasText = "Aurora Motors Beijing Dealer" })
                .GetByRole(AriaRole.Button, new() { Name = "Authorize" }).ClickAsync();
            await Expect(page.Locator("[data-result]")).ToHaveAttributeAsync("data-result", "Bound");

            var dealerPage = new Uri(_site.Host.BaseAddress, $"/admin/dealers/{dealerId}").ToString();
            await page.GotoAsync(dealerPage);
            await Expect(page.Locator("[data-link=official-account]")).ToHaveAttributeAsync("data-status", "active");
            await page.Locator("#install-wecom").ClickAsync();
            await page.Locator(".card", new() { HasText = "Aurora Beijing Dealer" })
                .GetByRole(AriaRole.Button, new() { Name = "Install" }).ClickAsync();
            await Expect(page.Locator("[data-result]")).ToHaveAttributeAsync("data-result", "Bound");

            await page.GotoAsync(dealerPage);
            await Expect(page.Locator("[data-link=wecom]")).ToHaveAttributeAsync("data-status", "active");
            await Expect(page.Locator("#link-summary")).ToHaveAttributeAsync("data-linked", "true");
        });
    }
}
