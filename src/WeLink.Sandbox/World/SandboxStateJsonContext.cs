using System.Text.Json.Serialization;

namespace WeLink.Sandbox.World;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(SandboxState))]
internal sealed partial class SandboxStateJsonContext : JsonSerializerContext;
