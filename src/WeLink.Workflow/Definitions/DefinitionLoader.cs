using System.Text.Json;

namespace WeLink.Workflow.Definitions;

/// <summary>
/// Reads the JSON form of a definition. Only the shape is checked here; run <see cref="DefinitionValidator"/> for the rules.
/// </summary>
public static class DefinitionLoader
{
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
            throw new DefinitionLoadException($"Invalid workflow definition at {at}: {e.Message}", where, line, position, e);
        }
    }
}
