using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Server.Platform;
using WeLink.Server.Tenancy.Access;
using WeLink.Wechat.Tokens;
using static Microsoft.Playwright.Assertions;

namespace WeLink.Server.Tests.Onboarding;

/// <summary>
/// A WeLink to which neither platform has pushed its ticket yet (just installed): the onboarding pages that need the
/// platform token say so in Chinese instead of failing, and for the open platform WeLink asks WeChat for a ticket at
/// once (api_start_push_ticket), once however often the page is opened meanwhile. Every run leaves the page under
/// screenshots/ in the test output.
/// </summary>
public abstract class MissingTicketTests(DatabaseProvider provider, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task The_authorize_page_without_a_component_ticket_says_so_asks_WeChat_once_for_one_and_works_once_it_arrives()
    {
        await using var scene = await OnboardingScene.StartAsync(provider, tickets: false);
        // The ticket WeChat is asked for takes a while on its way, so the page is opened twice before it arrives.
        await scene.ControlAsync("faults/pushes", new { kind = "delay", count = 1, delay_ms = 8_000 });
        using var admin = await scene.AdminAsync();
        var authorize = $"/onboarding/dealers/{scene.DealerA}/official-account/authorize";

        using var first = await admin.GetAsync(new Uri(authorize, UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), first.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", first.Content.Headers.ContentType?.MediaType);
        Assert.Contains(MissingTicketHandler.ComponentMessage, await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await chromium.OnPageAsync(async page =>
        {
            // The sign-in answers 204, which a navigation would abort; the page's request context shares its cookies.
            var signIn = await page.APIRequest.GetAsync(At(scene, $"{TestOnlyAdminSignIn.Path}?role={AdminRoles.Platform}"));
            Assert.Equal(204, signIn.Status);
            var shown = await page.GotoAsync(At(scene, authorize));
            Assert.Equal(503, shown!.Status);
            await Expect(page.Locator("#message")).ToHaveTextAsync(MissingTicketHandler.ComponentMessage);
            await page.SetViewportSizeAsync(1280, 600);
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "missing-component-ticket.png"), FullPage = true });
        });
        var asked = Assert.Single(await TicketPushesAsync(scene));

        await Poll.UntilAsync(
            () => scene.Host.Services.GetRequiredService<IComponentTicketStore>().GetAsync(SandboxSettings.ComponentAppId, CancellationToken.None),
            ticket => ticket is not null,
            Deadline.BackgroundWork,
            "the ticket WeChat was asked for to be stored from its push");
        var wechatPage = await OnboardingPages.StartAuthorizationAsync(admin, scene.DealerA);

        Assert.EndsWith("/cgi-bin/componentloginpage", wechatPage.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(asked.GetProperty("id").GetInt64(), Assert.Single(await TicketPushesAsync(scene)).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task An_API_without_a_component_ticket_answers_503_with_Retry_After_and_the_Chinese_message()
    {
        await using var scene = await OnboardingScene.StartAsync(provider, tickets: false);
        await Seed.In(scene.Host.Services).Brand("Aurora Club").MiniProgram("wxa0c1ab0000000001");

        using var answer = await scene.Host.Http.PostAsJsonAsync(
            new Uri("/api/consumer/miniprogram/sessions", UriKind.Relative), new { appId = "wxa0c1ab0000000001", code = "any-code" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), answer.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal(MissingTicketHandler.ComponentMessage, problem.GetProperty("detail").GetString());
        Assert.Single(await TicketPushesAsync(scene));
    }

    [Fact]
    public async Task The_install_page_without_a_suite_ticket_says_WeCom_pushes_one_within_10_minutes()
    {
        await using var scene = await OnboardingScene.StartAsync(provider, tickets: false);
        using var admin = await scene.AdminAsync();

        using var answer = await admin.GetAsync(new Uri($"/onboarding/dealers/{scene.DealerA}/wecom/install", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(10), answer.Headers.RetryAfter?.Delta);
        Assert.Contains(MissingTicketHandler.SuiteMessage, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await TicketPushesAsync(scene));
    }

    /// <summary>The component_verify_ticket pushes the sandbox made: none on a schedule here, so each one WeLink asked for.</summary>
    private static async Task<List<JsonElement>> TicketPushesAsync(OnboardingScene scene)
    {
        var text = await scene.Host.Http.GetStringAsync(new Uri("/sandbox/control/pushes?kind=component_verify_ticket", UriKind.Relative));
        return [.. JsonDocument.Parse(text).RootElement.EnumerateArray()];
    }

    private static string At(OnboardingScene scene, string path) => new Uri(scene.Host.BaseAddress, path).ToString();
}

public sealed class MissingTicketTests_on_Sqlite(Chromium chromium) : MissingTicketTests(DatabaseProvider.Sqlite, chromium);

public sealed class MissingTicketTests_on_Postgres(Chromium chromium) : MissingTicketTests(DatabaseProvider.Postgres, chromium);
