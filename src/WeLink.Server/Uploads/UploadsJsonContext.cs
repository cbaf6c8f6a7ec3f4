using System.Text.Json.Serialization;

namespace WeLink.Server.Uploads;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UploadResponse))]
internal sealed partial class UploadsJsonContext : JsonSerializerContext;
