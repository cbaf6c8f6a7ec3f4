using System.Text.Json.Serialization;
using WeLink.Server.Complaints.Api;

namespace WeLink.Server.Complaints;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FileComplaintRequest))]
[JsonSerializable(typeof(ProvideInformationRequest))]
[JsonSerializable(typeof(SurveyRequest))]
[JsonSerializable(typeof(ComplaintResponse))]
[JsonSerializable(typeof(IReadOnlyList<ComplaintResponse>))]
[JsonSerializable(typeof(IReadOnlyList<ComplaintCategory>))]
[JsonSerializable(typeof(IReadOnlyList<ComplaintSeverity>))]
internal sealed partial class ComplaintsJsonContext : JsonSerializerContext;
