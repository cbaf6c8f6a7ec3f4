using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeLink.Workflow.Definitions;

namespace WeLink.Workflow.Engine;

/// <summary>Checks a request's input against the fields a transition declares; every bad field is named once.</summary>
public static class InputChecker
{
    /// <returns>One <c>field: what is wrong</c> per bad field, in the order the fields are declared, then unknown fields.</returns>
    public static IReadOnlyList<string> Problems(IReadOnlyList<InputFieldDefinition> fields, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<string>();
        foreach (var field in fields)
        {
            var node = input[field.Name];
            if (IsBlank(node))
            {
                if (field.Required)
                {
                    problems.Add($"{field.Name}: is required");
                }
            }
            else if (Problem(field, node!) is { } problem)
            {
                problems.Add($"{field.Name}: {problem}");
            }
        }

        var declared = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(input.Select(p => p.Key).Where(name => !declared.Contains(name)).Select(name => $"{name}: is not an input of this step"));
        return problems;
    }

    private static string? Problem(InputFieldDefinition field, JsonNode node)
    {
        var kind = (node as JsonValue)?.GetValueKind();
        switch (field.Type)
        {
            case InputFieldType.Text:
                return kind != JsonValueKind.String ? "must be text"
                    : node.GetValue<string>().Length > field.MaxLength ? $"must be at most {field.MaxLength} characters"
                    : null;
            case InputFieldType.WholeNumber:
                // 2.5 and 3.0 are both refused: a whole number is written without a fraction.
                if (kind != JsonValueKind.Number || !long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return "must be a whole number";
                }

                return number < field.Min ? $"must be at least {field.Min}"
                    : number > field.Max ? $"must be at most {field.Max}"
                    : null;
            case InputFieldType.Choice:
                return kind == JsonValueKind.String && field.Choices!.Contains(node.GetValue<string>())
                    ? null
                    : $"must be one of {string.Join(", ", field.Choices!)}";
            default:
                return kind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false";
        }
    }

    private static bool IsBlank(JsonNode? node) =>
        node is null || (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetValue<string>()));
}
