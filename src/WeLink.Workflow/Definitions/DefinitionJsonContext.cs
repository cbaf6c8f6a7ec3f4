using System.Text.Json.Serialization;

namespace WeLink.Workflow.Definitions;

/// <summary>
/// Shipped definitions are written by people: camelCase, comments and trailing commas allowed, but an unknown property or
/// a null where a value is required is an error, so a typo cannot silently drop a rule.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(WorkflowDefinition))]
[JsonSerializable(typeof(string))]
internal sealed partial class DefinitionJsonContext : JsonSerializerContext;
