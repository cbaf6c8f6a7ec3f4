using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Parameters;

namespace WeLink.Workflow.Engine;

/// <summary>
/// Renders an input field's <see cref="InputHintDefinition"/> for one case: its limit is read from the case's pinned
/// parameters and what is used of it from the case's running totals, the same values the guards weigh when the step
/// fires, so the authority a staff member is told is the one the engine applies.
/// </summary>
public static partial class InputHints
{
    /// <summary>The field's hint for a case with <paramref name="parameters"/> and running <paramref name="totals"/>; null when it has none.</summary>
    public static string? Render(WorkflowDefinition definition, InputFieldDefinition field, ResolvedParameters parameters, JsonObject totals)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(totals);
        if (field.Hint is not { } hint)
        {
            return null;
        }

        var text = definition.Texts.TryGetValue(hint.Text, out var found)
            ? found
            : throw new InvalidOperationException($"'{definition.Key}' v{definition.Version} has no text '{hint.Text}'; validate definitions before use.");
        if (hint.Limit is not { } limitName)
        {
            return text;
        }

        long limit = parameters.GetWholeNumber(limitName);
        var used = TransitionEvaluator.WholeNumber(totals[field.Name]);
        var values = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [InputHintDefinition.LimitPlaceholder] = limit,
            [InputHintDefinition.UsedPlaceholder] = used,
            [InputHintDefinition.LeftPlaceholder] = Math.Max(0, limit - used),
        };
        return Placeholder().Replace(text, m => values[m.Groups[1].Value].ToString(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\{(limit|used|left)\}")]
    private static partial Regex Placeholder();
}
