using System.Net;
using System.Text.RegularExpressions;

namespace WeLink.Testing;

/// <summary>
/// An admin linking a dealer through WeLink's onboarding pages and the platforms' authorization pages (the sandbox's,
/// or WeChat's), as a person would: each leg is a request of its own, redirects followed by hand. Shared by the tests
/// and the callback benchmark's setup, which links dealers of a WeLink reached over HTTP.
/// </summary>
public static partial class OnboardingPages
{
    /// <summary>The admin asks WeLink for the authorization page; WeLink redirects to WeChat's page.</summary>
    public static Task<Uri> StartAuthorizationAsync(HttpClient admin, Guid dealerId, string device = "pc") =>
        StartAsync(admin, $"/onboarding/dealers/{dealerId}/official-account/authorize?device={device}");

    /// <summary>As a person would: open WeChat's page, press "Authorize" on the account, follow WeChat back to WeLink.</summary>
    public static async Task<string> AuthorizeThroughPagesAsync(HttpClient admin, Guid dealerId, string appId)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var back = await SubmitFormAsync(admin, await StartAuthorizationAsync(admin, dealerId), "appid", appId);
        return await admin.GetStringAsync(back);
    }

    /// <summary>HQ asks WeLink for the brand mini program's authorization page; WeLink redirects to WeChat's page.</summary>
    public static Task<Uri> StartMiniProgramAuthorizationAsync(HttpClient admin, Guid brandId, string device = "pc") =>
        StartAsync(admin, $"/onboarding/brands/{brandId}/miniprogram/authorize?device={device}");

    /// <summary>As HQ would: open WeChat's page from the brand page, press "Authorize" on the mini program, follow WeChat back.</summary>
    public static async Task<string> AuthorizeMiniProgramThroughPagesAsync(HttpClient admin, Guid brandId, string appId)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var back = await SubmitFormAsync(admin, await StartMiniProgramAuthorizationAsync(admin, brandId), "appid", appId);
        return await admin.GetStringAsync(back);
    }

    public static Task<Uri> StartInstallAsync(HttpClient admin, Guid dealerId) =>
        StartAsync(admin, $"/onboarding/dealers/{dealerId}/wecom/install");

    public static async Task<string> InstallThroughPagesAsync(HttpClient admin, Guid dealerId, string corpId)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var back = await SubmitFormAsync(admin, await StartInstallAsync(admin, dealerId), "corpid", corpId);
        return await admin.GetStringAsync(back);
    }

    /// <summary>The admin opens WeLink's onboarding page at this path; WeLink redirects to the platform's page.</summary>
    private static async Task<Uri> StartAsync(HttpClient admin, string path)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var start = await admin.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        return start.Headers.Location!;
    }

    /// <summary>
    /// Opens the platform's page and posts its form for this field's value. The form's action is resolved against the
    /// page's own address: where the sandbox runs as a process of its own (a cluster), that is not WeLink's host.
    /// </summary>
    private static async Task<Uri> SubmitFormAsync(HttpClient browser, Uri pageUri, string field, string value)
    {
        var absolutePage = pageUri.IsAbsoluteUri ? pageUri : new Uri(browser.BaseAddress!, pageUri);
        var page = await browser.GetStringAsync(absolutePage);
        var form = FormPattern().Matches(page)
            .Select(m => (Action: WebUtility.HtmlDecode(m.Groups[1].Value), Fields: InputPattern().Matches(m.Groups[2].Value)
                .ToDictionary(i => WebUtility.HtmlDecode(i.Groups[1].Value), i => WebUtility.HtmlDecode(i.Groups[2].Value))))
            .Single(f => f.Fields.GetValueOrDefault(field) == value);
        var answer = await browser.PostAsync(new Uri(absolutePage, form.Action), new FormUrlEncodedContent(form.Fields));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!;
    }

    [GeneratedRegex("""<form method="post" action="([^"]+)">(.*?)</form>""", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<input type="hidden" name="([^"]*)" value="([^"]*)">""")]
    private static partial Regex InputPattern();
}
