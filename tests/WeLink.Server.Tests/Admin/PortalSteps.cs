using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WeLink.Server.Tests.Admin;

/// <summary>What a platform admin does first in the portal, shared by the browser tests.</summary>
public static partial class PortalSteps
{
    public static async Task SignInAsync(IPage page, Uri portal)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(portal.ToString());
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await page.GetByLabel("邮箱").FillAsync(AdminHost.RootEmail);
        await page.GetByLabel("密码").FillAsync(AdminHost.RootPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "品牌", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Creates a brand and one of its dealers from the brands page; returns the dealer's id, its page open.</summary>
    public static async Task<Guid> CreateBrandAndDealerAsync(IPage page, string brand, string code, string dealer)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Locator("#create-brand input[name=name]").FillAsync(brand);
        await page.GetByRole(AriaRole.Button, new() { Name = "创建品牌" }).ClickAsync();
        var brandRow = page.Locator("#brands tr", new() { HasText = brand });
        await Expect(brandRow).ToBeVisibleAsync();

        await brandRow.GetByRole(AriaRole.Link, new() { Name = "经销商" }).ClickAsync();
        await page.Locator("#create-dealer input[name=code]").FillAsync(code);
        await page.Locator("#create-dealer input[name=name]").FillAsync(dealer);
        await page.GetByRole(AriaRole.Button, new() { Name = "创建经销商" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = dealer })).ToBeVisibleAsync();
        return Guid.Parse(page.Url.Split('/')[^1]);
    }

    [GeneratedRegex("/admin/login")]
    public static partial Regex LoginUrl();
}
