using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeLink.Server.StaffApp;

/// <summary>Source-generated JSON for the staff app's own endpoints.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AppConfigResponse))]
public sealed partial class StaffAppJsonContext : JsonSerializerContext;
