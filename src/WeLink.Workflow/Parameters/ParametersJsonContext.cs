using System.Text.Json.Serialization;

namespace WeLink.Workflow.Parameters;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(ResolvedParameters))]
internal sealed partial class ParametersJsonContext : JsonSerializerContext;
