using System.Text.RegularExpressions;

namespace WeLink.Server.Tests.Admin;

/// <summary>Posts portal forms the way a browser does: with the antiforgery token the page rendered, or deliberately without.</summary>
public static partial class PortalForm
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>GETs <paramref name="pagePath"/> and returns the antiforgery token of its first form (its cookie lands in the client's jar).</summary>
    public static async Task<string> TokenAsync(AdminClient client, string pagePath)
    {
        ArgumentNullException.ThrowIfNull(client);
        return TokenIn(await client.Http.GetStringAsync(pagePath));
    }

    /// <summary>The antiforgery token of the first form of a rendered page.</summary>
    public static string TokenIn(string html)
    {
        var match = TokenInput().Match(html);
        Assert.True(match.Success, "the page renders no antiforgery token");
        return match.Groups[1].Value;
    }

    public static Task<HttpResponseMessage> PostAsync(AdminClient client, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs in through the portal's form and returns where the portal sent the browser.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(AdminClient client, string email, string password)
    {
        var token = await TokenAsync(client, "/admin/login");
        return await PostAsync(client, "/admin/login", [new(TokenField, token), new("Email", email), new("Password", password)]);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
