using System.Globalization;
using System.Text.Json.Nodes;
using WeLink.Wechat.WeCom.Models;

namespace WeLink.Server.Complaints.Cards;

/// <summary>
/// The WeCom template cards complaints send to staff. A card's task id names the case and the step that sent it
/// (<c>cmp-{caseId:N}-{sequence}</c>), and each button's key is the trigger it fires, so a press maps back to
/// (case, trigger) with no lookup table, and one press per card and button is one move.
/// </summary>
public static class ComplaintCards
{
    private const string Prefix = "cmp-";

    /// <summary>The input a button fires with, where the trigger needs some (a card cannot ask staff to type).</summary>
    private static readonly Dictionary<string, Func<JsonObject>> ButtonInputs = new(StringComparer.Ordinal)
    {
        [ComplaintDefinition.Triggers.RequestInfo] = () => new JsonObject { ["question"] = "请补充投诉的详细情况：时间、地点、车辆和经过。" },
    };

    public static string TaskId(Guid caseId, long sequence) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{caseId:N}-{sequence}");

    public static bool TryParseTaskId(string? taskId, out Guid caseId)
    {
        caseId = Guid.Empty;
        if (taskId is null || !taskId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = taskId[Prefix.Length..];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && Guid.TryParseExact(rest[..dash], "N", out caseId);
    }

    public static JsonObject InputFor(string trigger) => ButtonInputs.TryGetValue(trigger, out var input) ? input() : [];

    public static TemplateCard Build(ComplaintPayload complaint, string title, IReadOnlyList<CardButton> buttons)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        List<CardHorizontalContent> facts =
        [
            new() { Keyname = "类别", Value = complaint.Category },
            new() { Keyname = "严重程度", Value = complaint.Severity },
        ];
        if (complaint.Vehicle is { Length: > 0 } vehicle)
        {
            facts.Add(new() { Keyname = "车辆", Value = vehicle });
        }

        return new TemplateCard
        {
            CardType = "button_interaction",
            Source = new CardSource { Desc = "WeLink 客户投诉" },
            MainTitle = new CardTitle { Title = title, Desc = complaint.Category },
            SubTitleText = Shorten(complaint.Description, 120),
            HorizontalContentList = facts,
            TaskId = TaskId(complaint.CaseId, complaint.Sequence),
            ButtonList = buttons,
        };
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
