using System.Net;

namespace WeLink.Server.Shared;

/// <summary>
/// A page of WeLink's own outside the portal's layout (a browser sent back by WeChat or WeCom, or a page that cannot be
/// shown yet): a title, a heading and one message, readable on a phone.
/// </summary>
public static class PlainPage
{
    /// <param name="title">The page's title and first heading.</param>
    /// <param name="heading">What became of the request, styled by <paramref name="tone"/>.</param>
    /// <param name="tone"><c>ok</c>, <c>refused</c> or <c>pending</c>.</param>
    /// <param name="result">A machine-readable word for the outcome, in <c>data-result</c>.</param>
    /// <param name="message">The message for the reader.</param>
    public static string Html(string title, string heading, string tone, string result, string message) =>
        $$"""
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{WebUtility.HtmlEncode(title)}} · WeLink</title>
        <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#222}
        .ok{color:#07c160}.refused{color:#b00020}.pending{color:#777}</style></head>
        <body><h1>{{WebUtility.HtmlEncode(title)}}</h1>
        <h2 class="{{tone}}" data-result="{{WebUtility.HtmlEncode(result)}}">{{WebUtility.HtmlEncode(heading)}}</h2>
        <p id="message">{{WebUtility.HtmlEncode(message)}}</p>
        </body></html>
        """;
}
