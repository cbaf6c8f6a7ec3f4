using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace WeLink.Workflow.Definitions;

/// <summary>Reads a JSON value as a parameter of a given type; shared by the validator and the parameter resolver.</summary>
internal static class ParameterValueReader
{
    /// <summary>Gives the value as a comparable number: the number itself, a duration in ticks, a bool as 0/1.</summary>
    public static bool TryRead(ParameterType type, JsonNode? node, out decimal comparable, out string error)
    {
        comparable = 0;
        error = "";
        if (node is not JsonValue value)
        {
            error = $"expected {Describe(type)}, found {(node is null ? "null" : node.GetValueKind().ToString().ToLowerInvariant())}";
            return false;
        }

        var kind = value.GetValueKind();
        switch (type)
        {
            case ParameterType.WholeNumber when kind == JsonValueKind.Number && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue:
                comparable = number;
                return true;
            case ParameterType.Number when kind == JsonValueKind.Number && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                comparable = number;
                return true;
            case ParameterType.Bool when kind is JsonValueKind.True or JsonValueKind.False:
                comparable = kind == JsonValueKind.True ? 1 : 0;
                return true;
            case ParameterType.Duration when kind == JsonValueKind.String && DurationExpression.TryParseLiteral(value.GetValue<string>(), out var duration) && duration >= TimeSpan.Zero:
                comparable = duration.Ticks;
                return true;
            default:
                error = $"expected {Describe(type)}, found {value.ToJsonString()}";
                return false;
        }
    }

    /// <summary>The value as stored: whole numbers without a fraction, durations as ISO-8601, the rest as given.</summary>
    public static JsonElement ToElement(ParameterType type, JsonNode node)
    {
        var json = type switch
        {
            ParameterType.WholeNumber when TryRead(type, node, out var number, out _) => decimal.ToInt32(number).ToString(CultureInfo.InvariantCulture),
            ParameterType.Duration when TryRead(type, node, out var ticks, out _) =>
                JsonSerializer.Serialize(XmlConvert.ToString(TimeSpan.FromTicks((long)ticks)), DefinitionJsonContext.Default.String),
            _ => node.ToJsonString(),
        };
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static string Describe(ParameterType type) => type switch
    {
        ParameterType.WholeNumber => "a whole number",
        ParameterType.Number => "a number",
        ParameterType.Bool => "true or false",
        ParameterType.Duration => "a non-negative duration string (PT4H or 04:00:00)",
        _ => type.ToString(),
    };
}
