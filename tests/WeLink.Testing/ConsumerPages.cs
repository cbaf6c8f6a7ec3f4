using System.Net;

namespace WeLink.Testing;

/// <summary>
/// A consumer signing in to a dealer's pages through WeChat's web OAuth (the sandbox's page), as their browser does: each
/// leg a request of its own, redirects followed by hand. Shared by the tests and the callback benchmark's setup, whose
/// consumers file complaints through WeLink's consumer API.
/// </summary>
public static class ConsumerPages
{
    /// <summary>Asks WeLink for the consumer sign-in link and returns where it sends the browser (WeChat's authorize page).</summary>
    public static async Task<Uri> StartSignInAsync(HttpClient browser, Guid dealerId, string scope = "base", string returnUrl = "/welcome")
    {
        ArgumentNullException.ThrowIfNull(browser);
        var start = await browser.GetAsync(new Uri(
            $"/consumer/signin?dealer={dealerId}&scope={scope}&returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        return start.Headers.Location!;
    }

    /// <summary>The person consents on the platform's OAuth page; returns the callback URL it sends the browser to.</summary>
    public static async Task<Uri> ConsentAsync(HttpClient browser, Uri authorize, string actor)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(authorize);
        var page = new Uri(authorize.GetLeftPart(UriPartial.Query) + "&sandbox_as=" + Uri.EscapeDataString(actor));
        var consent = await browser.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        return consent.Headers.Location!;
    }

    /// <summary>The whole consumer sign-in, ending with WeLink's answer to the callback.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(
        HttpClient browser, Guid dealerId, string person, string scope = "base", string returnUrl = "/welcome")
    {
        ArgumentNullException.ThrowIfNull(browser);
        var authorize = await StartSignInAsync(browser, dealerId, scope, returnUrl);
        return await browser.GetAsync(await ConsentAsync(browser, authorize, person));
    }
}
