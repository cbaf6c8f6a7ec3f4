using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WeLink.Workflow.Definitions;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// Renders a definition's texts for one case: <c>{state}</c> is the state's consumer label, <c>{data.x}</c> (as filed),
/// <c>{input.x}</c> (this step's) and <c>{latest.x}</c> (the latest any step gave) the case's values, shown by their <see cref="WorkflowDefinition.ValueLabels"/> where the definition
/// labels them, so what people read never shows a key, a trigger or a stored code.
/// </summary>
public sealed partial class CaseTexts(WorkflowDefinition definition, string state, JsonObject data, JsonObject input, JsonObject latest)
{
    public static CaseTexts For(WorkflowDefinition definition, CasePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new(definition, payload.State, payload.Section("data"), payload.Section("input"), payload.Section("latest"));
    }

    public string Render(string key)
    {
        if (!definition.Texts.TryGetValue(key, out var text))
        {
            throw new InvalidOperationException($"'{definition.Key}' v{definition.Version} has no text '{key}'; validate definitions before use.");
        }

        return Placeholder().Replace(text, match => Fill(match.Groups[1].Value)).Trim();
    }

    private string Fill(string placeholder)
    {
        if (placeholder == "state")
        {
            return definition.States.FirstOrDefault(s => s.Key == state)?.ConsumerLabel ?? "";
        }

        var dot = placeholder.IndexOf('.', StringComparison.Ordinal);
        var field = placeholder[(dot + 1)..];
        var source = placeholder[..dot] switch
        {
            "input" => input,
            "latest" => latest,
            _ => data,
        };
        var value = CasePayload.Text(source, field);
        if (value is null)
        {
            return "";
        }

        return definition.ValueLabels.TryGetValue(field, out var labels) && labels.TryGetValue(value, out var label) ? label : value;
    }

    [GeneratedRegex(@"\{((?:state)|(?:(?:data|input|latest)\.[A-Za-z_][A-Za-z0-9_]*))\}")]
    private static partial Regex Placeholder();
}
