using Microsoft.Playwright;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.OpenPlatform;
using WeLink.Server.Tenancy.Access;
using static Microsoft.Playwright.Assertions;

namespace WeLink.Server.Tests.Onboarding;

/// <summary>
/// HQ reads on the dealer's page, in headless Chromium, that WeChat refused to put the dealer's account (another owner's)
/// under the brand's open-platform account and why, and presses 重新绑定, which asks WeChat again and is audited in HQ's
/// name. `WELINK_SCREENSHOTS=1` saves docs/screenshots/open-platform.png; every run leaves the page under screenshots/ in
/// the test output.
/// </summary>
public abstract class OpenPlatformBindingBrowserTests(DatabaseProvider provider, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task HQ_sees_why_an_account_is_not_bound_and_retries_the_binding()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var admin = await scene.AdminAsync();
        await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerA, scene.Account("Aurora Motors Beijing Dealer").AppId);
        var borealis = (await scene.ControlAsync("world/owners", new { name = "Borealis Motors" })).GetProperty("id").GetString()!;
        var other = (await scene.ControlAsync("world/accounts", new
        {
            owner_id = borealis,
            nickname = "Borealis Shenyang Dealer",
            kind = "ServiceAccount",
            verified = true,
            bound = false,
        })).GetProperty("app_id").GetString()!;
        await OnboardingPages.AuthorizeThroughPagesAsync(admin, scene.DealerB, other);

        await chromium.OnPageAsync(async page =>
        {
            // The sign-in answers 204, which a navigation would abort; the page's request context shares its cookies.
            var signIn = await page.APIRequest.GetAsync(At(scene, $"{TestOnlyAdminSignIn.Path}?role={AdminRoles.Hq}&brand={scene.BrandId}&email=hq@aurora.example"));
            Assert.Equal(204, signIn.Status);
            await page.GotoAsync(At(scene, $"/admin/dealers/{scene.DealerB}"));
            var binding = page.Locator(".open-platform");
            await Expect(binding).ToHaveAttributeAsync("data-open-platform", "refused");
            await Expect(binding.Locator(".badge")).ToHaveTextAsync("未绑定");
            await Expect(binding).ToContainTextAsync("不属于同一主体");

            await page.GetByRole(AriaRole.Button, new() { Name = "重新绑定" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("开放平台绑定没有成功：这个账号与本品牌的开放平台账号不属于同一主体");
            await page.SetViewportSizeAsync(1280, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "open-platform.png"), FullPage = true });
            if (Environment.GetEnvironmentVariable(StaffApp.StaffPhone.ScreenshotsVariable) == "1")
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(Foundation.SampleSettingsTests.RepositoryRoot(), "docs", "screenshots", "open-platform.png"), FullPage = true });
            }
        });

        Assert.Equal(1L, await scene.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM audit_log WHERE action = @action AND outcome = 'refused' AND actor_email = 'hq@aurora.example'",
            new { action = OpenPlatformBinder.BindAction }));
    }

    private static string At(OnboardingScene scene, string path) => new Uri(scene.Host.BaseAddress, path).ToString();
}

public sealed class OpenPlatformBindingBrowserTests_on_Sqlite(Chromium chromium) : OpenPlatformBindingBrowserTests(DatabaseProvider.Sqlite, chromium);

public sealed class OpenPlatformBindingBrowserTests_on_Postgres(Chromium chromium) : OpenPlatformBindingBrowserTests(DatabaseProvider.Postgres, chromium);
