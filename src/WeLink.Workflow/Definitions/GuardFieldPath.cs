namespace WeLink.Workflow.Definitions;

/// <summary>A field reference such as <c>data.severity</c>, <c>input.survey.score</c> or <c>case.assignee</c>.</summary>
internal sealed record GuardFieldPath(GuardFieldSource Source, IReadOnlyList<string> Segments)
{
    public static bool TryParse(string text, out GuardFieldPath path)
    {
        path = new GuardFieldPath(GuardFieldSource.Data, []);
        var segments = text.Split('.');
        if (segments.Length < 2 || segments.Any(s => s.Length == 0))
        {
            return false;
        }

        GuardFieldSource? source = segments[0] switch
        {
            "data" => GuardFieldSource.Data,
            "input" => GuardFieldSource.Input,
            "case" => GuardFieldSource.Case,
            _ => null,
        };
        if (source is null)
        {
            return false;
        }

        path = new GuardFieldPath(source.Value, segments[1..]);
        return true;
    }
}
