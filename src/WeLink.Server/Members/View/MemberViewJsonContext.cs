using System.Text.Json.Serialization;
using WeLink.Server.Members.Api;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Members.Vehicles;

namespace WeLink.Server.Members.View;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MemberView))]
[JsonSerializable(typeof(VehicleRequest))]
[JsonSerializable(typeof(ScanRequest))]
[JsonSerializable(typeof(PhoneRequest))]
internal sealed partial class MemberViewJsonContext : JsonSerializerContext;
