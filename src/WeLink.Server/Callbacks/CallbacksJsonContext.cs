using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeLink.Server.Callbacks;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(InboxPage))]
internal sealed partial class CallbacksJsonContext : JsonSerializerContext;
