using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace WeLink.Testing;

/// <summary>
/// Debian's headless Chromium driven by Playwright, launched once per test class. Playwright never
/// downloads a browser here: it launches /usr/bin/chromium (scripts/test.sh installs it).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing; scripts/test.sh installs it (apt-get install chromium).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,

            // CI runs as root, where Chromium's sandbox cannot start; the rest keeps it quiet and offline.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            Timeout = 30_000,
        });
    }

    /// <summary>Runs the steps on a fresh page; on failure saves a screenshot under screenshots/ in the test output folder.</summary>
    public async Task OnPageAsync(Func<IPage, Task> steps, [CallerMemberName] string testName = "")
    {
        await using var context = await _browser!.NewContextAsync();
        context.SetDefaultTimeout(10_000);
        var page = await context.NewPageAsync();
        try
        {
            await steps(page);
        }
        catch
        {
            var path = Path.Combine(AppContext.BaseDirectory, "screenshots", testName + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            throw;
        }
    }

    /// <summary>A browser session of its own (cookies, viewport, user agent), e.g. one phone per staff member; the caller disposes it.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options) => _browser!.NewContextAsync(options);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
