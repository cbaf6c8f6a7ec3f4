using Microsoft.Playwright;

namespace WeLink.Server.Tests.StaffApp;

/// <summary>
/// A staff member's phone: a browser session of its own at a phone's size with WeCom's user agent, signed in to the
/// staff app the way staff are: the app finds no session, sends the browser through WeLink's sign-in to the sandbox's
/// WeCom OAuth page, where the member opens the app, and lands back on the route it was opened at.
/// </summary>
internal sealed class StaffPhone : IAsyncDisposable
{
    /// <summary>Set to 1 to save the README's screenshots into docs/screenshots/ while the journey runs.</summary>
    public const string ScreenshotsVariable = "WELINK_SCREENSHOTS";

    private const string WeComUserAgent =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.30 MicroMessenger/7.0.1 Language/zh";

    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private StaffPhone(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => _errors.Add(error);
    }

    public IPage Page { get; }

    /// <summary>Script errors the app threw so far; a journey expects none.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public static async Task<StaffPhone> SignInAsync(Chromium chromium, Uri site, string staffName, string route)
    {
        var context = await chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            UserAgent = WeComUserAgent,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(15_000);
        var phone = new StaffPhone(context, await context.NewPageAsync());
        var appRoute = new Uri(site, "/wecom-app/#" + route).ToString();
        await phone.Page.GotoAsync(appRoute);
        await phone.Page.Locator(".card", new() { HasText = staffName })
            .GetByRole(AriaRole.Button, new() { Name = "Open the app" }).ClickAsync();
        // Back in the app is enough: the journeys' own assertions wait for what they read, while the page's load event
        // (every script, style and font) took over the 15 s under a full CI run's load once.
        await phone.Page.WaitForURLAsync(appRoute, new() { WaitUntil = WaitUntilState.Commit });
        return phone;
    }

    /// <summary>
    /// Saves the screen (or, with <paramref name="fullPage"/>, the whole scrolled page) as docs/screenshots/<paramref name="name"/>.png
    /// when <see cref="ScreenshotsVariable"/> is 1.
    /// </summary>
    public async Task ScreenshotAsync(string name, bool fullPage = false)
    {
        if (Environment.GetEnvironmentVariable(ScreenshotsVariable) != "1")
        {
            return;
        }

        // Toasts fade; the picture shows the page as it rests.
        await Page.Locator(".t-toast").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryRoot(), "docs", "screenshots", name + ".png"), FullPage = fullPage });
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "WeLink.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("WeLink.sln not found above " + AppContext.BaseDirectory);
    }
}
