using System.Text;

namespace WeLink.Wechat.Http;

/// <summary>Builds API and page URLs under a configured base URL, which may carry a path prefix (the sandbox's does).</summary>
internal static class WechatUrl
{
    public static Uri Build(Uri baseUrl, string path, IEnumerable<KeyValuePair<string, string?>> query, string? fragment = null)
    {
        var url = new StringBuilder(baseUrl.AbsoluteUri.TrimEnd('/')).Append(path);
        var separator = '?';
        foreach (var (name, value) in query)
        {
            if (value is null)
            {
                continue;
            }

            url.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        if (fragment is not null)
        {
            url.Append('#').Append(fragment);
        }

        return new Uri(url.ToString());
    }

    /// <summary>Drops the query string and fragment: what remains is safe to log.</summary>
    public static string PathOnly(string pathOrUrl)
    {
        var end = pathOrUrl.AsSpan().IndexOfAny('?', '#');
        return end < 0 ? pathOrUrl : pathOrUrl[..end];
    }
}
