using System.Text.Json.Nodes;

namespace WeLink.Workflow.Definitions;

/// <summary>A value HQ may tune per brand (and let dealers tune), within <see cref="Min"/> and <see cref="Max"/>.</summary>
public sealed record ParameterDefinition
{
    public required string Name { get; init; }

    public required ParameterType Type { get; init; }

    public JsonNode? Default { get; init; }

    public JsonNode? Min { get; init; }

    public JsonNode? Max { get; init; }

    public string? Description { get; init; }
}
