namespace WeLink.Server.Identities;

/// <summary>Where a sign-in may send the browser back to: a path on this site, never another host.</summary>
public static class ReturnUrl
{
    public const string Default = "/";

    /// <summary>True for <c>/path?query</c>; false for absolute URLs, <c>//host</c>, <c>/\host</c> and control characters.</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 }
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
