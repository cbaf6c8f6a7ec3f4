using System.Text.Json.Serialization;

namespace WeLink.Server.Members.Api;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ConsumerMemberResponse))]
[JsonSerializable(typeof(MemberCardResponse))]
[JsonSerializable(typeof(JoinRequest))]
[JsonSerializable(typeof(ConsentsRequest))]
[JsonSerializable(typeof(HomeDealerRequest))]
[JsonSerializable(typeof(IReadOnlyList<ConsentResponse>))]
internal sealed partial class ConsumerMembersJsonContext : JsonSerializerContext;
