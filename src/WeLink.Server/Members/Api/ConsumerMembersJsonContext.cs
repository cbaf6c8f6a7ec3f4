using System.Text.Json.Serialization;
using WeLink.Server.Members.DataRights;

namespace WeLink.Server.Members.Api;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ConsumerMemberResponse))]
[JsonSerializable(typeof(MemberCardResponse))]
[JsonSerializable(typeof(JoinRequest))]
[JsonSerializable(typeof(ConsentsRequest))]
[JsonSerializable(typeof(HomeDealerRequest))]
[JsonSerializable(typeof(IReadOnlyList<ConsentResponse>))]
[JsonSerializable(typeof(MemberProfileResponse))]
[JsonSerializable(typeof(ProfileCorrection))]
[JsonSerializable(typeof(DeletionRequest))]
[JsonSerializable(typeof(DeletionResponse))]
[JsonSerializable(typeof(MemberDataExport))]
internal sealed partial class ConsumerMembersJsonContext : JsonSerializerContext;
