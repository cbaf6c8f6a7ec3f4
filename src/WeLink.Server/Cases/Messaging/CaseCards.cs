using System.Globalization;
using WeLink.Wechat.WeCom.Models;
using WeLink.Workflow.Definitions;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// The WeCom template cards notices send. A card's task id names the case, the step and the notice that sent it
/// (<c>case-{caseId:N}-{sequence}-{action}</c>), and each button's key is the trigger it fires, so a press maps back to
/// (case, notice, trigger) with no lookup table, and one press per card and button is one move.
/// </summary>
public static class CaseCards
{
    private const string Prefix = "case-";

    /// <summary>WeCom's limit on a task id.</summary>
    private const int MaxTaskId = 128;

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

    public static TemplateCard Build(NoticeDefinition notice, CasePayload payload, CaseTexts texts)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(texts);
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
            TaskId = TaskId(payload.CaseId, payload.Sequence, notice.Action),
            ButtonList = [.. notice.Buttons.Select(b => new CardButton { Text = texts.Render(b.Text), Style = b.Style, Key = b.Trigger })],
        };
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
