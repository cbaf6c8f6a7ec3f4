using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeLink.Workflow.Definitions;

/// <summary>
/// Reads the JSON form of a definition. Only the shape is checked here; run <see cref="DefinitionValidator"/> for the rules.
/// </summary>
public static class DefinitionLoader
{
    private static readonly Dictionary<string, string> AllowedWords = new(StringComparer.Ordinal)
    {
        ["type"] = WordsOf<ParameterType>(),
        ["op"] = WordsOf<GuardOperator>(),
        ["unit"] = WordsOf<DurationUnit>(),
    };

    public static WorkflowDefinition Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(() => JsonSerializer.Deserialize(json, DefinitionJsonContext.Default.WorkflowDefinition));
    }

    public static WorkflowDefinition Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Read(() => JsonSerializer.Deserialize(stream, DefinitionJsonContext.Default.WorkflowDefinition));
    }

    public static string Save(WorkflowDefinition definition) =>
        JsonSerializer.Serialize(definition, DefinitionJsonContext.Default.WorkflowDefinition);

    private static WorkflowDefinition Read(Func<WorkflowDefinition?> deserialize)
    {
        try
        {
            return deserialize() ?? throw new DefinitionLoadException("The definition is the JSON literal null.", "$", 1, 0, null);
        }
        catch (JsonException e)
        {
            // JsonException numbers lines and positions from 0; people count from 1.
            long? line = e.LineNumber + 1;
            long? position = e.BytePositionInLine + 1;
            var where = e.Path ?? "$";
            var at = line is null ? where : $"{where} (line {line}, position {position})";
            throw new DefinitionLoadException($"Invalid workflow definition at {at}: {Explain(e, where)}", where, line, position, e);
        }
    }

    /// <summary>The serializer's message without its own 0-based position suffix, and with the allowed words for an enum.</summary>
    private static string Explain(JsonException e, string path)
    {
        var property = path[(path.LastIndexOf('.') + 1)..];
        if (e.Message.Contains("could not be converted", StringComparison.Ordinal) && AllowedWords.TryGetValue(property, out var words))
        {
            return $"'{property}' must be one of {words}.";
        }

        var suffix = e.Message.IndexOf(" Path: ", StringComparison.Ordinal);
        return suffix < 0 ? e.Message : e.Message[..suffix];
    }

    private static string WordsOf<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name));
}
