using System.Globalization;

namespace WeLink.Server.StaffApp.Contracts;

/// <summary>
/// Where the staff's WeCom app lives and its pages' addresses, for whatever sends staff into it (the sign-in's landing,
/// cards and app messages). The app routes by hash, so a page is <c>/wecom-app/#/route</c>; without a session the app
/// itself sends the browser through sign-in with its route as the return URL.
/// </summary>
public static class StaffAppLinks
{
    /// <summary>The path the app is served under.</summary>
    public const string PathPrefix = "/wecom-app";

    /// <summary>The app's home (its inbox), where a sign-in with nowhere else to go lands.</summary>
    public const string Home = PathPrefix + "/";

    /// <summary>The case page of the app, on this server's base URL.</summary>
    public static Uri Case(Uri baseUrl, Guid caseId)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return new Uri(baseUrl, string.Create(CultureInfo.InvariantCulture, $"{Home}#/cases/{caseId}"));
    }

    /// <summary>The conversation page of the app, on this server's base URL.</summary>
    public static Uri Conversation(Uri baseUrl, Guid conversationId)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return new Uri(baseUrl, string.Create(CultureInfo.InvariantCulture, $"{Home}#/conversations/{conversationId}"));
    }
}
