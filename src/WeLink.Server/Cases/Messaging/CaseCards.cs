using System.Globalization;
using System.Net;
using System.Text;
using WeLink.Wechat.WeCom.Models;
using WeLink.Workflow.Definitions;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// The WeCom template cards notices send. A card's task id names the case, the step and the notice that sent it
/// (<c>case-{caseId:N}-{sequence}-{action}</c>), and each button's key is the trigger it fires, so a press maps back to
/// (case, notice, trigger) with no lookup table, and one press per card and button is one move. Tapping a card (or a notice
/// without buttons, sent as a text card) opens the case's page in the staff app.
/// </summary>
public static class CaseCards
{
    private const string Prefix = "case-";

    /// <summary>WeCom's limit on a task id.</summary>
    private const int MaxTaskId = 128;

    /// <summary>WeCom's limits on a text card's title and description, in UTF-8 bytes.</summary>
    private const int MaxTextcardTitleBytes = 128;

    private const int MaxTextcardDescriptionBytes = 512;

    /// <summary>The card_action type that opens a URL.</summary>
    private const int OpenUrl = 1;

    public static string TaskId(Guid caseId, long sequence, string action)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{caseId:N}-{sequence}-{action}");
        return id.Length <= MaxTaskId ? id : id[..MaxTaskId];
    }

    public static bool TryParseTaskId(string? taskId, out Guid caseId, out string action)
    {
        caseId = Guid.Empty;
        action = "";
        var parts = taskId is not null && taskId.StartsWith(Prefix, StringComparison.Ordinal) ? taskId[Prefix.Length..].Split('-', 3) : [];
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out caseId))
        {
            return false;
        }

        action = parts[2];
        return true;
    }

    public static TemplateCard Build(NoticeDefinition notice, CasePayload payload, CaseTexts texts, Uri casePage)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(casePage);
        var facts = notice.Facts
            .Select(f => new CardHorizontalContent { Keyname = texts.Render(f.Name), Value = texts.Render(f.Value) })
            .Where(f => f.Value is { Length: > 0 })
            .ToList();
        return new TemplateCard
        {
            CardType = "button_interaction",
            Source = new CardSource { Desc = texts.Render(TextRules.ProcessText) },
            MainTitle = new CardTitle { Title = texts.Render(notice.Text) },
            SubTitleText = notice.Detail is null ? null : Shorten(texts.Render(notice.Detail), 120),
            HorizontalContentList = facts,
            CardAction = new CardAction { Type = OpenUrl, Url = casePage.AbsoluteUri },
            TaskId = TaskId(payload.CaseId, payload.Sequence, notice.Action),
            ButtonList = [.. notice.Buttons.Select(b => new CardButton { Text = texts.Render(b.Text), Style = b.Style, Key = b.Trigger })],
        };
    }

    /// <summary>A notice without buttons: its text as the title, its detail (or the process) below, the case page behind it.</summary>
    public static Textcard BuildText(NoticeDefinition notice, CaseTexts texts, Uri casePage)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(casePage);
        var detail = notice.Detail is null ? texts.Render(TextRules.ProcessText) : texts.Render(notice.Detail);
        return new Textcard
        {
            Title = Fit(texts.Render(notice.Text), MaxTextcardTitleBytes, static t => t),
            // The description is WeCom's simple HTML: the text is encoded so a consumer's "<" shows as written.
            Description = Fit(detail, MaxTextcardDescriptionBytes, WebUtility.HtmlEncode),
            Url = casePage.AbsoluteUri,
            Btntxt = "查看",
        };
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    /// <summary><paramref name="text"/> as <paramref name="shown"/> makes it, cut with an ellipsis to fit <paramref name="bytes"/> of UTF-8.</summary>
    private static string Fit(string text, int bytes, Func<string, string> shown)
    {
        var elements = new StringInfo(text);
        var whole = shown(text);
        if (Encoding.UTF8.GetByteCount(whole) <= bytes)
        {
            return whole;
        }

        for (var length = elements.LengthInTextElements - 1; length > 0; length--)
        {
            var cut = shown(elements.SubstringByTextElements(0, length) + "…");
            if (Encoding.UTF8.GetByteCount(cut) <= bytes)
            {
                return cut;
            }
        }

        return "…";
    }
}
