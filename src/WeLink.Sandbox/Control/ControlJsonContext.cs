using System.Text.Json.Serialization;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Control;

/// <summary>JSON of the control API, snake_case like the platforms it stands in for.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(AdvanceClockRequest))]
[JsonSerializable(typeof(ClockResponse))]
[JsonSerializable(typeof(TicketPushResponse))]
[JsonSerializable(typeof(ControlProblem))]
[JsonSerializable(typeof(WorldSnapshot))]
public sealed partial class ControlJsonContext : JsonSerializerContext;
