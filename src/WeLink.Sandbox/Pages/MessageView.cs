using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Recording;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Pages;

/// <summary>
/// Draws a message WeLink sent the way the phone shows it: a WeChat template or subscribe message with its template's
/// title, its fields under the template's labels, and where it leads (a mini program's page, or a web link); a WeCom template card with its title, description,
/// fields and buttons (or, once an update_template_card reached this person, what the update says); texts, text cards
/// and articles as their content; a mini-program card with its title and the page it opens. A shape this does not know shows its message type, never the raw JSON.
/// </summary>
public static partial class MessageView
{
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    /// <param name="message">What WeLink sent.</param>
    /// <param name="template">The account's template the message names, if it names one the account has.</param>
    /// <param name="cardUpdate">The latest update_template_card that reached the viewer for this card, if any.</param>
    /// <param name="pressForm">The press form of one card button (task id, key, text); null draws buttons that cannot be pressed.</param>
    public static string Render(SentMessage message, MessageTemplate? template, JsonElement? cardUpdate, Func<string, string, string, string>? pressForm)
    {
        ArgumentNullException.ThrowIfNull(message);
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"""<div class="msg" data-api="{Html.Encode(message.Api)}" data-msgid="{Html.Encode(message.MsgId)}">""")
            .Append(CultureInfo.InvariantCulture, $"""<div class="when">{message.SentAt.ToOffset(ChinaTime):MM-dd HH:mm}</div>""");
        var body = message.Body;
        switch (message.Api)
        {
            case "template/send" or "subscribe/bizsend" or "subscribe/send":
                AppendTemplateMessage(html, body, template, message.SentAt, message.Api);
                break;
            case "wecom/message/send" when message.MsgType == "template_card" && body.ObjectField("template_card") is { } card:
                var replacement = cardUpdate?.ObjectField("template_card");
                AppendCard(html, replacement ?? card, cardUpdate?.ObjectField("button")?.TextField("replace_name"), pressForm);
                break;
            default:
                AppendPlain(html, message.MsgType ?? "", body);
                break;
        }

        return html.Append("</div>").ToString();
    }

    /// <summary>What a consumer wrote, on the right of their own chat as WeChat shows it.</summary>
    public static string Written(WrittenMessage written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var bubble = written.Kind switch
        {
            ConsumerMedia.Image => $"""<img alt="图片" width="48" height="48" src="data:image/png;base64,{Convert.ToBase64String(ConsumerMedia.Bytes(ConsumerMedia.Image).Span)}">""",
            ConsumerMedia.Voice => "[语音] 1″",
            _ => Html.Encode(written.Content),
        };
        return string.Create(
            CultureInfo.InvariantCulture,
            $"""<div class="msg mine" data-kind="{written.Kind}"><div class="when">{written.At.ToOffset(ChinaTime):MM-dd HH:mm}</div><div class="bubble">{bubble}</div></div>""");
    }

    /// <summary>
    /// WeChat lays a template message out by the template's content (<c>投诉主题：{{keyword1.DATA}}</c> a line): a line with
    /// a label is a field, a line without one (<c>first</c>, <c>remark</c>) a paragraph. A template without known content
    /// shows its values alone, never their keys.
    /// </summary>
    private static void AppendTemplateMessage(StringBuilder html, JsonElement body, MessageTemplate? template, DateTimeOffset sentAt, string api)
    {
        html.Append(CultureInfo.InvariantCulture, $"""<div class="tmsg"><div class="tmsg-title">{Html.Encode(template?.Title ?? "模板消息")}</div>""")
            .Append(CultureInfo.InvariantCulture, $"""<div class="muted">{sentAt.ToOffset(ChinaTime):M月d日}</div>""");
        Dictionary<string, string> values = body.ObjectField("data") is { } data
            ? data.EnumerateObject().ToDictionary(f => f.Name, f => f.Value.ValueKind == JsonValueKind.Object ? f.Value.TextField("value") ?? "" : "", StringComparer.Ordinal)
            : [];
        List<(string Label, string Key)> lines = template?.Content is { } content
            ? [.. content.Split('\n').Select(l => ContentLine().Match(l.Trim())).Where(m => m.Success).Select(m => (Label: m.Groups["label"].Value.TrimEnd('：', ':').Trim(), Key: m.Groups["key"].Value))]
            : values.Keys.Select(key => (Label: "", Key: key)).ToList();
        var inList = false;
        foreach (var (label, key) in lines.Where(l => values.ContainsKey(l.Key)))
        {
            if ((label.Length > 0) != inList)
            {
                html.Append(inList ? "</dl>" : "<dl>");
                inList = !inList;
            }

            html.Append(label.Length > 0
                ? $"""<dt>{Html.Encode(label)}</dt><dd>{Html.Encode(values[key])}</dd>"""
                : $"""<p class="{(key == "remark" ? "muted" : "tmsg-first")}">{Html.Encode(values[key])}</p>""");
        }

        html.Append(inList ? "</dl>" : "");
        AppendJump(html, body, api);

        html.Append("</div>");
    }

    /// <summary>
    /// Where tapping the message goes: a mini program's page (a subscribe message's <c>page</c>, or a template message's
    /// <c>miniprogram</c>, which wins over its <c>url</c> as in WeChat), else the web page of <c>url</c> or bizsend's <c>page</c>.
    /// </summary>
    private static void AppendJump(StringBuilder html, JsonElement body, string api)
    {
        var miniProgram = body.ObjectField("miniprogram");
        var page = api == "subscribe/send" ? body.TextField("page") : miniProgram?.TextField("pagepath");
        if (page is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<div class="tmsg-link tmsg-page" data-appid="{Html.Encode(miniProgram?.TextField("appid"))}" data-page="{Html.Encode(page)}">进入小程序查看 <span class="muted">{Html.Encode(page)}</span></div>""");
        }
        else if ((body.TextField("url") ?? body.TextField("page")) is { } link)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<a class="tmsg-link" href="{Html.Encode(link)}">详情</a>""");
        }
    }

    private static void AppendCard(StringBuilder html, JsonElement card, string? replacedBy, Func<string, string, string, string>? pressForm)
    {
        html.Append("""<div class="wcard">""");
        if (card.ObjectField("source")?.TextField("desc") is { } source)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<div class="wcard-source">{Html.Encode(source)}</div>""");
        }

        var main = card.ObjectField("main_title");
        html.Append(CultureInfo.InvariantCulture, $"""<div class="wcard-title">{Html.Encode(main?.TextField("title"))}</div>""");
        foreach (var description in new[] { main?.TextField("desc"), card.TextField("sub_title_text") }.OfType<string>())
        {
            html.Append(CultureInfo.InvariantCulture, $"""<div class="wcard-desc">{Html.Encode(description)}</div>""");
        }

        if (card.ObjectField("emphasis_content") is { } emphasis)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<div class="wcard-emphasis">{Html.Encode(emphasis.TextField("title"))}<span class="muted"> {Html.Encode(emphasis.TextField("desc"))}</span></div>""");
        }

        if (card.TryGetProperty("horizontal_content_list", out var rows) && rows.ValueKind == JsonValueKind.Array)
        {
            html.Append("<dl>");
            foreach (var row in rows.EnumerateArray())
            {
                html.Append(CultureInfo.InvariantCulture, $"""<dt>{Html.Encode(row.TextField("keyname"))}</dt><dd>{Html.Encode(row.TextField("value"))}</dd>""");
            }

            html.Append("</dl>");
        }

        if (card.ObjectField("card_action")?.TextField("url") is { } url)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<a class="tmsg-link" href="{Html.Encode(url)}">查看详情</a>""");
        }

        if (replacedBy is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<div class="wcard-done">{Html.Encode(replacedBy)}</div>""");
        }
        else if (card.TryGetProperty("button_list", out var buttons) && buttons.ValueKind == JsonValueKind.Array)
        {
            html.Append("""<div class="wcard-buttons">""");
            var taskId = card.TextField("task_id");
            foreach (var button in buttons.EnumerateArray())
            {
                var text = button.TextField("text") ?? "";
                html.Append(taskId is not null && pressForm is not null && button.TextField("key") is { } key
                    ? pressForm(taskId, key, text)
                    : $"""<span class="wcard-done">{Html.Encode(text)}</span>""");
            }

            html.Append("</div>");
        }

        html.Append("</div>");
    }

    private static void AppendPlain(StringBuilder html, string msgType, JsonElement body)
    {
        var content = body.ObjectField(msgType);
        switch (msgType)
        {
            case "text" or "markdown":
                html.Append(CultureInfo.InvariantCulture, $"""<div class="bubble">{Html.Encode(content?.TextField("content"))}</div>""");
                break;
            case "textcard":
                html.Append(CultureInfo.InvariantCulture, $"""<div class="wcard"><div class="wcard-title">{Html.Encode(content?.TextField("title"))}</div><div class="wcard-desc">{Html.Encode(content?.TextField("description"))}</div>""");
                if (content?.TextField("url") is { } url)
                {
                    html.Append(CultureInfo.InvariantCulture, $"""<a class="tmsg-link" href="{Html.Encode(url)}">{Html.Encode(content?.TextField("btntxt") ?? "详情")}</a>""");
                }

                html.Append("</div>");
                break;
            case "miniprogrampage":
                // WeChat draws a mini-program card: the title, the picture, 小程序 at the foot; a tap opens the page, named here.
                html.Append(CultureInfo.InvariantCulture, $"""<div class="wcard mpcard" data-appid="{Html.Encode(content?.TextField("appid"))}" data-page="{Html.Encode(content?.TextField("pagepath"))}">""")
                    .Append(CultureInfo.InvariantCulture, $"""<div class="wcard-title">{Html.Encode(content?.TextField("title"))}</div><div class="mpcard-thumb" aria-hidden="true"></div>""")
                    .Append(CultureInfo.InvariantCulture, $"""<div class="wcard-source">小程序</div><div class="tmsg-link tmsg-page">进入小程序 <span class="muted">{Html.Encode(content?.TextField("pagepath"))}</span></div></div>""");
                break;
            case "news" when content?.TryGetProperty("articles", out var articles) == true && articles.ValueKind == JsonValueKind.Array:
                foreach (var article in articles.EnumerateArray())
                {
                    html.Append(CultureInfo.InvariantCulture, $"""<div class="wcard"><div class="wcard-title">{Html.Encode(article.TextField("title"))}</div><div class="wcard-desc">{Html.Encode(article.TextField("description"))}</div></div>""");
                }

                break;
            default:
                html.Append(CultureInfo.InvariantCulture, $"""<div class="bubble muted">[{Html.Encode(msgType)}]</div>""");
                break;
        }
    }

    /// <summary>One line of a template's content: an optional label, then <c>{{key.DATA}}</c>.</summary>
    [GeneratedRegex(@"^(?<label>[^{]*)\{\{(?<key>\w+)\.DATA\}\}$")]
    private static partial Regex ContentLine();
}
