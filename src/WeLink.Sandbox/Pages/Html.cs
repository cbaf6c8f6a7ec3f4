using System.Net;
using System.Text;

namespace WeLink.Sandbox.Pages;

/// <summary>Small helpers for the sandbox's browser pages: plain HTML, every value encoded.</summary>
public static class Html
{
    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? "");

    public static IResult Page(string title, string body) => TypedResults.Content(
        $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}} · WeLink sandbox</title>
        <style>
        body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
        h1{font-size:1.4rem}.card{border:1px solid #ddd;border-radius:.5rem;padding:1rem;margin:.75rem 0}
        button{background:#07c160;color:#fff;border:0;border-radius:.3rem;padding:.4rem .9rem;cursor:pointer}
        button.deny{background:#999}.muted{color:#777;font-size:.85rem}.error{color:#b00020}
        form{display:inline-block;margin:.2rem}input[type=text]{padding:.3rem}
        </style></head><body><p class="muted">WeLink sandbox — not the real WeChat</p><h1>{{Encode(title)}}</h1>
        {{body}}
        </body></html>
        """,
        "text/html; charset=utf-8");

    public static IResult Error(string title, string message) =>
        Page(title, $"""<p class="error">{Encode(message)}</p>""");

    /// <summary>A POST form of hidden fields and one button.</summary>
    public static string Form(string action, string button, IEnumerable<KeyValuePair<string, string?>> fields, string buttonClass = "")
    {
        var html = new StringBuilder($"""<form method="post" action="{Encode(action)}">""");
        foreach (var (name, value) in fields)
        {
            html.Append($"""<input type="hidden" name="{Encode(name)}" value="{Encode(value)}">""");
        }

        return html.Append($"""<button class="{buttonClass}">{Encode(button)}</button></form>""").ToString();
    }

    /// <summary>Appends query parameters to a redirect URI that may already carry some.</summary>
    public static string WithQuery(string uri, params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value ?? "")}"));
        var fragment = uri.IndexOf('#', StringComparison.Ordinal);
        var (head, tail) = fragment < 0 ? (uri, "") : (uri[..fragment], uri[fragment..]);
        return head + (head.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query + tail;
    }

    public static bool IsAbsoluteHttpUri(string? uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https";
}
